import { SLUGS } from '@collections/slugs'
import type { Payload, Where } from 'payload'

import { ERASURE_STATUS } from './constants'
import { cutoff, FINAL_ERASURE_STATUSES } from './cutoffs'

/**
 * Erasure requests past their time: pending ones whose confirmation link has expired are marked
 * `expired`; finished ones (completed, expired, cancelled) requested more than `keepDays` ago are
 * deleted. Returns how many were deleted. Does nothing while the collection does not exist. Through
 * the adapter (no hooks): these rows have no side records, and the collection may be absent from
 * the generated types.
 */
export const purgeErasureRecords = async (
  payload: Payload,
  now: Date,
  keepDays: number,
): Promise<number> => {
  const wanted: string = SLUGS.erasureRequests
  const collection = payload.config.collections.find((candidate) => candidate.slug === wanted)?.slug
  if (!collection) return 0
  await payload.db.updateMany({
    collection,
    where: {
      and: [
        { status: { equals: ERASURE_STATUS.pending } },
        { expiresAt: { less_than: now.toISOString() } },
      ],
    },
    data: { status: ERASURE_STATUS.expired },
    returning: false,
  })
  const old: Where = {
    and: [
      { status: { in: [...FINAL_ERASURE_STATUSES] } },
      { requestedAt: { less_than: cutoff(now, keepDays).toISOString() } },
    ],
  }
  const { totalDocs } = await payload.db.count({ collection, where: old })
  if (totalDocs > 0) await payload.db.deleteMany({ collection, where: old })
  return totalDocs
}
