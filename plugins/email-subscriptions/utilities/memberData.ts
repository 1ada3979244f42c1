import { readInPages } from '@q-community/plugin-shared/readInPages'
import type { PayloadRequest, Where } from 'payload'

import { DELIVERIES_SLUG, SUBSCRIBERS_SLUG } from '../constants'

/** A subscription as its subscriber may see it: no token hashes, no manage key. */
const SUBSCRIPTION_FIELDS = {
  email: true,
  topics: true,
  frequency: true,
  status: true,
  consent: true,
  confirmedAt: true,
  unsubscribedAt: true,
  bounceCount: true,
  createdAt: true,
  updatedAt: true,
} as const

const DELIVERY_FIELDS = { mailing: true, status: true, attempts: true, sentAt: true } as const

/** The member's account, or the address it has: a subscription made before logging in is theirs too. */
export type MemberRef = { id: number | string; email?: string | null }

const ofMember = ({ id, email }: MemberRef): Where =>
  email
    ? { or: [{ member: { equals: id } }, { email: { equals: email } }] }
    : { member: { equals: id } }

const subscriptionOf = async (req: PayloadRequest, member: MemberRef) => {
  const { docs } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG,
    where: ofMember(member),
    sort: 'id',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: false,
    select: SUBSCRIPTION_FIELDS,
    req,
  })
  return docs[0] ?? null
}

export type MemberSubscriptionData = {
  subscription: Record<string, unknown> | null
  /** The delivery records of that subscription, read a page at a time as the caller iterates. */
  deliveries: AsyncIterable<Record<string, unknown>>
}

async function* none(): AsyncGenerator<Record<string, unknown>> {}

/**
 * A member's part of a subject access export (UK GDPR art. 15): the subscription linked to their
 * account and its delivery records.
 */
export const memberSubscriptionExport = async (
  req: PayloadRequest,
  member: MemberRef,
  { pageSize = 200 }: { pageSize?: number } = {},
): Promise<MemberSubscriptionData> => {
  const subscription = await subscriptionOf(req, member)
  if (!subscription) return { subscription: null, deliveries: none() }
  return {
    subscription,
    deliveries: readInPages(req, {
      collection: DELIVERIES_SLUG,
      where: { subscriberId: { equals: String(subscription.id) } },
      select: DELIVERY_FIELDS,
      pageSize,
      raw: true,
    }),
  }
}

export type MemberSubscriptionErasure = { subscriptions: number; deliveries: number }

/**
 * Erases the subscription linked to a member (or made with their address) and its delivery records, in `req`'s transaction
 * (the same deletion as the admin's erase of one subscriber).
 */
export const eraseMemberSubscription = async (
  req: PayloadRequest,
  member: MemberRef,
): Promise<MemberSubscriptionErasure> => {
  const { docs: subscribers } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG,
    where: ofMember(member),
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { id: true },
    req,
  })
  let deliveries = 0
  for (const subscriber of subscribers) {
    // Straight through the adapter, one statement: a subscriber of years has 100,000 deliveries,
    // and the collection has no hooks that a Local API delete of each row would run.
    const ofSubscriber: Where = { subscriberId: { equals: String(subscriber.id) } }
    deliveries += (
      await req.payload.count({ collection: DELIVERIES_SLUG, where: ofSubscriber, req })
    ).totalDocs
    await req.payload.db.deleteMany({ collection: DELIVERIES_SLUG, where: ofSubscriber, req })
    await req.payload.delete({
      collection: SUBSCRIBERS_SLUG,
      id: subscriber.id,
      overrideAccess: true,
      req,
    })
  }
  return { subscriptions: subscribers.length, deliveries }
}
