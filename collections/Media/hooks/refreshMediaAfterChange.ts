import type { CollectionAfterChangeHook } from 'payload'

import { mediaIdsOf, type MediaReferences, refreshMediaVisibility } from '../mediaUse'
import { rememberedMediaKey } from './rememberMediaBeforeChange'

/** Publishing, unpublishing or swapping a file changes which media are public: recompute those. */
export const refreshMediaAfterChange =
  (slug: string, refs: MediaReferences): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const before = (req.context[rememberedMediaKey(slug, doc.id)] as string[] | undefined) ?? []
    const ids = new Set([...mediaIdsOf(doc, refs), ...mediaIdsOf(previousDoc, refs), ...before])
    await refreshMediaVisibility(req, ids)
    return doc
  }
