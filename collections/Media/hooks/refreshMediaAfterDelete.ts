import type { CollectionAfterDeleteHook } from 'payload'

import { mediaIdsOf, type MediaReferences, refreshMediaVisibility } from '../mediaUse'

/** A deleted document no longer makes its media public. */
export const refreshMediaAfterDelete =
  (refs: MediaReferences): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await refreshMediaVisibility(req, mediaIdsOf(doc, refs))
    return doc
  }
