import type { RequestContext } from 'payload'

import { PREVIOUS_DOCUMENT_CONTEXT_KEY } from './constants'
import type { PublicDocument } from './publicStatus'

/** What the public saw of a document before this save, keyed `<collection>:<id>` (one request may save several). */
type PreviousDocuments = Record<string, PublicDocument | undefined>

const key = (collection: string, id: number | string) => `${collection}:${String(id)}`

const previousDocuments = (context: RequestContext): PreviousDocuments => {
  const current = context[PREVIOUS_DOCUMENT_CONTEXT_KEY]
  if (current && typeof current === 'object') return current as PreviousDocuments
  const fresh: PreviousDocuments = {}
  context[PREVIOUS_DOCUMENT_CONTEXT_KEY] = fresh
  return fresh
}

export const rememberPreviousDocument = (
  context: RequestContext,
  collection: string,
  id: number | string,
  document: PublicDocument | undefined,
): void => {
  previousDocuments(context)[key(collection, id)] = document
}

export const previousDocument = (
  context: RequestContext,
  collection: string,
  id: number | string,
): PublicDocument | undefined => previousDocuments(context)[key(collection, id)]

/** The demo seed and imports write with `{ seeding: true }`: nothing is announced. */
export const isSeeding = (context: RequestContext): boolean => Boolean(context.seeding)
