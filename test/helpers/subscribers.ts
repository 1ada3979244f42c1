import { hashToken, newManageCredentials } from '@plugins/email-subscriptions/utilities/tokens'
import type { Payload } from 'payload'

export type SubscriberSpec = {
  email: string
  topics: string[]
  frequency?: 'instant' | 'weekly'
  status?: 'pending' | 'confirmed' | 'unsubscribed' | 'suppressed'
}

/**
 * A subscriber written straight through the Local API, as the confirm endpoint leaves it. (The HTTP
 * tests go through subscribe and confirm; these tests are about what happens after.)
 */
export const createSubscriber = async (payload: Payload, spec: SubscriberSpec) => {
  const { manageKey, manageTokenHash } = newManageCredentials(payload.secret)
  const now = new Date().toISOString()
  return payload.create({
    collection: 'subscribers',
    data: {
      email: spec.email,
      topics: spec.topics as never,
      frequency: spec.frequency ?? 'instant',
      status: spec.status ?? 'confirmed',
      manageKey,
      manageTokenHash,
      confirmedAt: now,
      consent: { at: now, source: 'test', wordingVersion: '2026-11' },
    },
    overrideAccess: true,
  })
}

/** The subscriber a manage token (from an email's link) belongs to, by its stored hash. */
export const subscriberOfToken = async (payload: Payload, token: string) => {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { manageTokenHash: { equals: hashToken(token) } },
    overrideAccess: true,
    showHiddenFields: true,
  })
  return docs[0]
}
