import type { CollectionBeforeValidateHook } from 'payload'

/**
 * A member's new comment is by that member, whether moderation is on or off (when it is off, this
 * is all that runs: field access has already dropped every server-set field a client sent).
 * Guests' `author` was dropped by field access (a server-side Local API call may set it).
 */
export const assignAuthor =
  (authorCollection: string): CollectionBeforeValidateHook =>
  ({ data = {}, operation, req }) => {
    if (operation !== 'create' || req.context?.seeding) return data
    const user = req.user
    return user?.collection === authorCollection
      ? { ...data, author: user.id, authorName: null, authorEmail: null }
      : data
  }
