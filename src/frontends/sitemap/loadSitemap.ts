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
 * The URLs of one sitemap file: its collection's documents by id, read in chunks with only `id`,
 * `slug` and `updatedAt` (no whole documents, no count queries), so 50,000 URLs stay cheap.
 */
export const loadSitemapURLs = async (
  payload: Payload,
  { collection, page }: SitemapPage,
  max: number,
): Promise<SitemapURL[]> => {
  const chunk = readChunkSize(max)
  const firstChunk = ((page - 1) * max) / chunk + 1
  const urls: SitemapURL[] = []
  for (let chunkPage = firstChunk; chunkPage < firstChunk + max / chunk; chunkPage++) {
    const { docs } = await payload.find({
      collection,
      ...asThePublic,
      sort: 'id',
      limit: chunk,
      page: chunkPage,
      pagination: false,
      depth: 0,
      select: { slug: true, updatedAt: true },
    })
    for (const doc of docs)
      urls.push({
        loc: frontendDocumentURL(collection, doc),
        lastmod: new Date(doc.updatedAt).toISOString(),
      })
    if (docs.length < chunk) break
  }
  return urls
}
