import type { Payload } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'

/**
 * Deletes subscriptions never confirmed and last asked for before `before`: an address someone
 * typed in but never proved is theirs is not kept. By `updatedAt`, not `createdAt`: subscribing
 * again after unsubscribing puts the old row back to pending, and its fresh link must keep working.
 * The host decides the period (its privacy settings) and when to run it; returns how many went.
 */
export const deleteUnconfirmedSubscribers = async (
  payload: Payload,
  before: Date,
): Promise<number> => {
  const result = await payload.delete({
    collection: SUBSCRIBERS_SLUG,
    where: {
      and: [
        { status: { equals: SUBSCRIBER_STATUS.pending } },
        { updatedAt: { less_than: before.toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  return result.docs.length
}
