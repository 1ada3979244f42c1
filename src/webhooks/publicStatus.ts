import type { CollectionSlug, PayloadRequest } from 'payload'

import { PUBLICATION_STATUS, type PublicationStatus } from './constants'

/** A document's publication status as stored: `_status` with drafts, always published without. */
export const statusOf = (doc: { _status?: unknown }, hasDrafts: boolean): PublicationStatus =>
  !hasDrafts || doc._status === PUBLICATION_STATUS.published
    ? PUBLICATION_STATUS.published
    : PUBLICATION_STATUS.draft

/** What the public saw of a document: its status and the facts a payload names. */
export type PublicDocument = {
  status: PublicationStatus
  slug?: unknown
  title?: unknown
  publishedAt?: unknown
  publishedDate?: unknown
  updatedAt?: unknown
}

/** The collection's row fields a payload reads (each collection has only some of them). */
const PUBLIC_FIELDS = ['_status', 'slug', 'title', 'publishedAt', 'publishedDate', 'updatedAt']

/**
 * What the public sees of a document now: the collection's own row (drafts saved over a published
 * document live only in its versions), read in the caller's transaction.
 */
export const readPublicDocument = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<PublicDocument | undefined> => {
  const fields = req.payload.collections[collection].config.flattenedFields
  const select = Object.fromEntries(
    PUBLIC_FIELDS.filter((name) => fields.some((field) => field.name === name)).map((name) => [
      name,
      true as const,
    ]),
  )
  const row = await req.payload.db.findOne<{ id: number | string } & Record<string, unknown>>({
    collection,
    where: { id: { equals: id } },
    select,
    req,
  })
  if (!row) return undefined
  const { _status, slug, title, publishedAt, publishedDate, updatedAt } = row
  return { status: statusOf({ _status }, true), slug, title, publishedAt, publishedDate, updatedAt }
}

/** The public status of a document now (see `readPublicDocument`). */
export const readPublicStatus = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<PublicationStatus | undefined> => (await readPublicDocument(req, collection, id))?.status
