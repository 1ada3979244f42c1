import type { FieldHook } from 'payload'

import { oncePerRequest } from '../../shared/oncePerRequest'
import type { ResolvedOptions } from '../types'

/**
 * The name shown with a comment: the guest's `authorName`, or the member's name when the reader may
 * read that member (a member who left the host's directory stays nameless to the public). Each
 * member is looked up once per request, however many of the listed comments they wrote.
 */
export const resolveDisplayName =
  (options: ResolvedOptions): FieldHook =>
  async ({ siblingData, req }) => {
    if (siblingData?.authorName) return siblingData.authorName
    const author = siblingData?.author as number | string | { name?: string } | null | undefined
    if (!author) return null
    if (typeof author === 'object') return author.name ?? null
    return oncePerRequest(req, 'resolveDisplayName', String(author), async () => {
      const member = await req.payload.findByID({
        collection: options.authorCollection as never,
        id: author,
        depth: 0,
        overrideAccess: false,
        disableErrors: true,
        req,
        select: { name: true } as never,
      })
      return (member as { name?: string } | null)?.name ?? null
    })
  }
