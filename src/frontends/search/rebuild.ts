import type { Payload, Where } from 'payload'

import { SEARCHABLE_COLLECTIONS } from './constants'
import { toSearchDocument } from './rules/searchDocument'
import { searchBackend } from './store'

const PAGE_SIZE = 100

const hasDrafts = (payload: Payload, slug: string) => {
  const versions = payload.collections[slug as keyof typeof payload.collections]?.config.versions
  return Boolean(versions && versions.drafts)
}

const publishedOnly = (payload: Payload, slug: string): Where | undefined =>
  hasDrafts(payload, slug) ? { _status: { equals: 'published' } } : undefined

/** How many documents a rebuild reads: every published document of every searchable collection. */
export const countPublished = async (payload: Payload): Promise<number> => {
  let total = 0
  for (const collection of SEARCHABLE_COLLECTIONS)
    total += (
      await payload.count({
        collection,
        where: publishedOnly(payload, collection),
        overrideAccess: true,
      })
    ).totalDocs
  return total
}

export type RebuildResult = { indexed: number; removed: number }

/**
 * Rebuilds the index from the published documents, a page at a time (one transaction per page),
 * then removes entries of documents that are no longer published. Idempotent; searches keep
 * working meanwhile. A row is only replaced by a copy at least as new (`updatedAt`), so a save
 * that lands during the rebuild is not overwritten by the older copy the rebuild read.
 */
export const rebuildSearchIndex = async (
  payload: Payload,
  onDocument: (label: string) => void = () => undefined,
): Promise<RebuildResult> => {
  const backend = searchBackend(payload)
  if (!backend) throw new Error('search needs SQLite or PostgreSQL (this database has no index)')
  await backend.ensureSchema()
  await backend.clearVocabulary()
  const seen = new Set<string>()
  for (const collection of SEARCHABLE_COLLECTIONS) {
    for (let page = 1; ; page++) {
      const { docs, hasNextPage } = await payload.find({
        collection,
        where: publishedOnly(payload, collection),
        depth: 0,
        limit: PAGE_SIZE,
        page,
        sort: 'id',
        overrideAccess: true,
        draft: false,
      })
      await backend.write(undefined, async (writer) => {
        for (const doc of docs)
          await writer.upsert(toSearchDocument(collection, doc), { onlyIfNewer: true })
      })
      for (const doc of docs) {
        seen.add(`${collection}:${doc.id}`)
        onDocument(`${collection} ${doc.id}`)
      }
      if (!hasNextPage) break
    }
  }
  const gone = (await backend.keys()).filter(
    ({ collection, docId }) => !seen.has(`${collection}:${docId}`),
  )
  await backend.write(undefined, async (writer) => {
    for (const { collection, docId } of gone)
      if ((SEARCHABLE_COLLECTIONS as readonly string[]).includes(collection))
        await writer.remove(collection as (typeof SEARCHABLE_COLLECTIONS)[number], docId)
  })
  return { indexed: seen.size, removed: gone.length }
}
