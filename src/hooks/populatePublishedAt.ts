import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Stamps `publishedAt` the first time a document is published (or first saved, for collections
 * without drafts). An editor may set it by hand to backdate a post; we never overwrite it.
 */
export const populatePublishedAt: CollectionBeforeChangeHook = ({ collection, data, originalDoc }) => {
  const hasDrafts = Boolean(collection.versions?.drafts)
  const isPublishing = !hasDrafts || data._status === 'published'
  if (isPublishing && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
