import type { Access, FieldAccess } from 'payload'

/**
 * The logged-in user's own document in the auth collection `authCollection`. Returns a `Where` so
 * list queries filter to that one row. The collection check matters: staff user 1 and member 1 are
 * different people.
 */
export const selfIn =
  (authCollection: string): Access =>
  ({ req }) => {
    const user = req.user
    if (!user || user.collection !== authCollection) return false
    return { id: { equals: user.id } }
  }

/** Field-level form of `selfIn`: the field on the user's own document. */
export const selfFieldIn =
  (authCollection: string): FieldAccess =>
  ({ req, doc, id }) => {
    const user = req.user
    if (!user || user.collection !== authCollection) return false
    const docId = (doc as { id?: number | string } | undefined)?.id ?? id
    return docId !== undefined && String(docId) === String(user.id)
  }
