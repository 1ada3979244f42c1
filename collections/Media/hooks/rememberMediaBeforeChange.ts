import type { CollectionBeforeChangeHook } from 'payload'

import { mediaIdsOf, type MediaReferences } from '../mediaUse'

export const rememberedMediaKey = (slug: string, id: unknown) => `mediaIdsBefore:${slug}:${String(id)}`

/**
 * The media the stored row uses before this write. With drafts, `previousDoc` is the latest draft,
 * not the published row a publish replaces, so the file a publish retires would be missed.
 */
export const rememberMediaBeforeChange =
  (slug: string, refs: MediaReferences): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc?.id !== undefined) {
      const row = await req.payload.db.findOne<Record<string, unknown> & { id: number | string }>({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req })
      req.context[rememberedMediaKey(slug, originalDoc.id)] = [...mediaIdsOf(row ?? undefined, refs)]
    }
    return data
  }
