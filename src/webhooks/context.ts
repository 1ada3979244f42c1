import type { RequestContext } from 'payload'

import { PREVIOUS_STATUS_CONTEXT_KEY, type PublicationStatus } from './constants'

/** The public status a document had before this save, keyed `<collection>:<id>` (one request may save several). */
type PreviousStatuses = Record<string, PublicationStatus | undefined>

const key = (collection: string, id: number | string) => `${collection}:${String(id)}`

const previousStatuses = (context: RequestContext): PreviousStatuses => {
  const current = context[PREVIOUS_STATUS_CONTEXT_KEY]
  if (current && typeof current === 'object') return current as PreviousStatuses
  const fresh: PreviousStatuses = {}
  context[PREVIOUS_STATUS_CONTEXT_KEY] = fresh
  return fresh
}

export const rememberPreviousStatus = (
  context: RequestContext,
  collection: string,
  id: number | string,
  status: PublicationStatus | undefined,
): void => {
  previousStatuses(context)[key(collection, id)] = status
}

export const previousStatus = (
  context: RequestContext,
  collection: string,
  id: number | string,
): PublicationStatus | undefined => previousStatuses(context)[key(collection, id)]

/** The demo seed and imports write with `{ seeding: true }`: nothing is announced. */
export const isSeeding = (context: RequestContext): boolean => Boolean(context.seeding)
