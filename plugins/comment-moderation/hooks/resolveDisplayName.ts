import type { FieldHook } from 'payload'

import type { ResolvedOptions } from '../types'

/** The name shown with a comment: the member's name, or the guest's `authorName`. */
export const resolveDisplayName =
  (options: ResolvedOptions): FieldHook =>
  async ({ siblingData, req }) => {
    if (siblingData?.authorName) return siblingData.authorName
    const author = siblingData?.author as number | string | { name?: string } | null | undefined
    if (!author) return null
    if (typeof author === 'object') return author.name ?? null
    try {
      const member = await req.payload.findByID({ collection: options.authorCollection as never, id: author, depth: 0, overrideAccess: true, req, select: { name: true } as never })
      return (member as { name?: string }).name ?? null
    } catch {
      return null
    }
  }
