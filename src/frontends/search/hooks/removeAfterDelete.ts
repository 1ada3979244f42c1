import type { CollectionAfterDeleteHook } from 'payload'

import { removeDocument } from '../indexing'

/** A deleted document leaves the index in the same transaction. */
export const removeAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await removeDocument(req, collection.slug, id)
}
