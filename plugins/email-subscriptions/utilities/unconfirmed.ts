import type { Payload } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'

/**
 * Deletes subscriptions never confirmed and created before `before`: an address someone typed in
 * but never proved is theirs is not kept. The host decides the period (its privacy settings) and
 * when to run it; returns how many went.
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
        { createdAt: { less_than: before.toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  return result.docs.length
}
