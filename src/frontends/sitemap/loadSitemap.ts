import type { Payload } from 'payload'

import { frontendDocumentURL } from '../documentURL'
import {
  readChunkSize,
  SITEMAP_COLLECTIONS,
  type SitemapCollection,
  type SitemapPage,
} from './plan'
import type { SitemapURL } from './render'

/** As the anonymous public reads: published only (drafts' access Where), whatever the caller. */
const asThePublic = { overrideAccess: false, draft: false } as const

/** How many public documents each collection has (one count query each). */
export const countPublicDocuments = async (
  payload: Payload,
): Promise<{ collection: SitemapCollection; count: number }[]> =>
  Promise.all(
    SITEMAP_COLLECTIONS.map(async (collection) => ({
      collection,
      count: (await payload.count({ collection, ...asThePublic })).totalDocs,
    })),
  )

/**
 * The URLs of one sitemap file in runs (`readChunkSize`): its collection's documents by id, with
 * only `id`, `slug` and `updatedAt` (no whole documents, no count queries). The first run is found
 * by offset, the next ones by the last id read (the primary key: later runs do not step over the
 * earlier ones).
 */
export async function* sitemapURLRuns(
  payload: Payload,
  { collection, page }: SitemapPage,
  max: number,
): AsyncGenerator<SitemapURL[]> {
  const chunk = readChunkSize(max)
  let read = 0
  let lastId: number | string | undefined
  while (read < max) {
    const { docs } = await payload.find({
      collection,
      ...asThePublic,
      ...(lastId === undefined
        ? { page: ((page - 1) * max) / chunk + 1 }
        : { where: { id: { greater_than: lastId } } }),
      sort: 'id',
      limit: chunk,
      pagination: false,
      depth: 0,
      select: { slug: true, updatedAt: true },
    })
    yield docs.map((doc) => ({
      loc: frontendDocumentURL(collection, doc),
      lastmod: new Date(doc.updatedAt).toISOString(),
    }))
    read += docs.length
    if (docs.length < chunk) return
    lastId = docs[docs.length - 1].id
  }
}
