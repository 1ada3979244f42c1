import type { CollectionSlug, PayloadRequest } from 'payload'

import { PUBLICATION_STATUS, type PublicationStatus } from './constants'

/** A document's publication status as stored: `_status` with drafts, always published without. */
export const statusOf = (doc: { _status?: unknown }, hasDrafts: boolean): PublicationStatus =>
  !hasDrafts || doc._status === PUBLICATION_STATUS.published
    ? PUBLICATION_STATUS.published
    : PUBLICATION_STATUS.draft

/**
 * What the public sees of a document now: the collection's own row (drafts saved over a published
 * document live only in its versions), read in the caller's transaction.
 */
export const readPublicStatus = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<PublicationStatus | undefined> => {
  const row = await req.payload.db.findOne<{ id: number | string; _status?: unknown }>({
    collection,
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  return row ? statusOf(row, true) : undefined
}
