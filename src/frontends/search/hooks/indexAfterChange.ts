import type { CollectionAfterChangeHook } from 'payload'

import { indexDocument } from '../indexing'

/** Indexes the document as the public sees it after this save (see indexDocument). */
export const indexAfterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  await indexDocument(req, collection, doc)
  return doc
}
