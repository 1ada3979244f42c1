import type { Endpoint, PayloadRequest } from 'payload'

import { CONSENT_WORDING_VERSION, SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import { newManageCredentials } from '../tokens'
import type { ResolvedSubscriptionOptions } from '../types'
import { checkSubscription } from '../validation'
import { fieldError, readBody, type SubscriberDoc } from './shared'

type MemberAccount = { id: number | string; email?: string | null; _verified?: boolean | null }

/**
 * The logged-in member's account as stored now (not as a token or a strategy remembered it), and
 * only while its address is verified: a collection with `auth.verify` must have `_verified`; in a
 * collection without it, the address is the one staff or an import set, or one the member confirmed
 * from that address (the host holds back unconfirmed changes), so it counts as verified.
 */
const loggedInMember = async (req: PayloadRequest, options: ResolvedSubscriptionOptions): Promise<MemberAccount | 'unverified' | null> => {
  if (req.user?.collection !== options.memberCollection) return null
  const account = (await req.payload
    .findByID({ collection: options.memberCollection as never, id: req.user.id, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true, req })
    .catch(() => null)) as MemberAccount | null
  if (!account) return null
  return account.email && account._verified !== false ? account : 'unverified'
}

const findOwn = async (req: PayloadRequest, email: string) => {
  const { docs } = await req.payload.find({ collection: SUBSCRIBERS_SLUG as never, where: { email: { equals: email.toLowerCase() } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })
  return (docs[0] as unknown as SubscriberDoc | undefined) ?? null
}

const view = (subscriber: SubscriberDoc | null) =>
  subscriber
    ? { subscribed: subscriber.status === SUBSCRIBER_STATUS.confirmed, status: subscriber.status, topics: subscriber.topics ?? [], frequency: subscriber.frequency }
    : { subscribed: false, status: null, topics: [], frequency: null }

/**
 * `GET|POST|PATCH /api/subscribers/me`: a logged-in member manages the subscription of their own,
 * verified address (see loggedInMember), so there is no double opt-in; a suppressed address
 * (bounces, complaints) stays suppressed until an admin re-enables it.
 */
export const meEndpoints = (options: ResolvedSubscriptionOptions): Endpoint[] => {
  const handler = async (req: PayloadRequest) => {
    const member = await loggedInMember(req, options)
    if (!member) return Response.json({ errors: [{ message: 'Log in as a member to manage your subscription.' }] }, { status: 401 })
    if (member === 'unverified') return Response.json({ errors: [{ message: 'Verify your email address first.' }] }, { status: 403 })
    if (!member.email) return Response.json({ errors: [{ message: 'Verify your email address first.' }] }, { status: 403 })
    const existing = await findOwn(req, member.email)
    if (req.method === 'GET') return Response.json(view(existing))

    const body = await readBody(req)
    if (!body) return fieldError('body', 'Send a JSON object: { topics, frequency }.')
    const input = checkSubscription({ email: member.email, topics: body.topics ?? existing?.topics ?? undefined, frequency: body.frequency ?? existing?.frequency ?? undefined }, options.topics)
    if ('field' in input) return fieldError(input.field, input.message)
    if (existing?.status === SUBSCRIBER_STATUS.suppressed) {
      return Response.json({ errors: [{ message: 'Emails to this address bounced or were reported; contact us to receive updates again.' }] }, { status: 409 })
    }
    const now = new Date().toISOString()
    const { manageKey, manageTokenHash } = newManageCredentials(req.payload.secret)
    const data = {
      email: input.email,
      member: member.id,
      topics: input.topics,
      frequency: input.frequency,
      status: SUBSCRIBER_STATUS.confirmed,
      confirmedAt: now,
      consent: { at: now, source: 'member-account', wordingVersion: CONSENT_WORDING_VERSION },
      ...(existing?.manageKey ? {} : { manageKey, manageTokenHash }),
    }
    const saved = existing
      ? await req.payload.update({ collection: SUBSCRIBERS_SLUG as never, id: existing.id, data: data as never, overrideAccess: true })
      : await req.payload.create({ collection: SUBSCRIBERS_SLUG as never, data: data as never, overrideAccess: true })
    return Response.json(view(saved as unknown as SubscriberDoc), { status: existing ? 200 : 201 })
  }
  return [
    { path: '/me', method: 'get', handler },
    { path: '/me', method: 'post', handler },
    { path: '/me', method: 'patch', handler },
  ]
}
