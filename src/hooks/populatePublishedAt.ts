import type { CollectionBeforeChangeHook } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

/**
 * Stamps `publishedAt` the first time a document is published (or first saved, for collections
 * without drafts). An editor may set it by hand to backdate a post; we never overwrite it.
 */
export const populatePublishedAt: CollectionBeforeChangeHook = ({
  collection,
  data,
  originalDoc,
}) => {
  const isPublishing = !hasDraftsEnabled(collection) || data._status === 'published'
  if (isPublishing && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
