import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import type { IndexWriter } from './backends/types'
import { isSearchableCollection } from './constants'
import { isPublishedDoc, toSearchDocument } from './rules/searchDocument'
import { searchBackend } from './store'

type Doc = { id: number | string; _status?: unknown; [field: string]: unknown }

/**
 * Runs an index write in a savepoint of the request's transaction: the index commits with the
 * content. If the index write itself fails, only it is rolled back: the editor's save goes through
 * and the failure is logged (the next save, or `npm run search:reindex`, repairs the entry).
 */
const writeIndex = async (
  req: PayloadRequest,
  what: string,
  work: (writer: IndexWriter) => Promise<void>,
) => {
  const backend = searchBackend(req.payload)
  if (!backend) return
  try {
    await backend.write(req, work)
  } catch (err) {
    req.payload.logger.error({ err, msg: `search index: could not ${what}` })
  }
}

/**
 * Keeps the index on what the public can read. A published save is indexed. A draft save is not:
 * with drafts, Payload writes only a new version and leaves the main row as it was, so the
 * document stays searchable as last published while its main row is still published, and leaves
 * the index once it is unpublished (the main row then says draft).
 */
export const indexDocument = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  doc: Doc,
) => {
  const slug = collection.slug
  if (!isSearchableCollection(slug)) return
  const hasDrafts = Boolean(collection.versions && collection.versions.drafts)
  let published: Doc | null = isPublishedDoc(hasDrafts, doc) ? doc : null
  if (!published && hasDrafts) {
    const main = await req.payload.db.findOne<Doc>({
      collection: slug,
      where: { id: { equals: doc.id } },
      req,
    })
    published = main && isPublishedDoc(true, main) ? main : null
  }
  const row = published ? toSearchDocument(slug, published) : null
  await writeIndex(req, `index ${slug} ${doc.id}`, (writer) =>
    row ? writer.upsert(row) : writer.remove(slug, String(doc.id)),
  )
}

export const removeDocument = async (
  req: PayloadRequest,
  collection: string,
  id: number | string,
) => {
  if (isSearchableCollection(collection))
    await writeIndex(req, `remove ${collection} ${id}`, (writer) =>
      writer.remove(collection, String(id)),
    )
}
