import { oncePerRequest } from '@q-community/plugin-shared/oncePerRequest'
import type { FieldHook } from 'payload'

import type { SanitizedOptions } from '../types'

/**
 * The name shown with a comment: the guest's `authorName`, or the member's name when the reader may
 * read that member (a member who left the host's directory stays nameless to the public). Each
 * member is looked up once per request, however many of the listed comments they wrote.
 */
export const resolveDisplayName =
  (options: SanitizedOptions): FieldHook =>
  async ({ siblingData, req }) => {
    if (siblingData?.authorName) return siblingData.authorName
    const author: unknown = siblingData?.author
    if (!author) return null
    if (typeof author === 'object')
      return 'name' in author && typeof author.name === 'string' ? author.name : null
    if (typeof author !== 'string' && typeof author !== 'number') return null
    return oncePerRequest(req, 'resolveDisplayName', String(author), async () => {
      const member = await req.payload.findByID({
        collection: options.authorCollection,
        id: author,
        depth: 0,
        overrideAccess: false,
        disableErrors: true,
        req,
        select: { name: true },
      })
      return typeof member?.name === 'string' ? member.name : null
    })
  }
