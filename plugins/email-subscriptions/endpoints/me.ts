import { readBody } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import {
  CONSENT_WORDING_VERSION,
  MESSAGES,
  SUBSCRIBER_STATUS,
  SUBSCRIBERS_SLUG,
} from '../constants'
import { checkSubscription } from '../rules/validation'
import type { SanitizedOptions } from '../types'
import type { SubscriberDoc } from '../utilities/subscribers'
import { newManageCredentials } from '../utilities/tokens'

type MemberAccount = { id: number | string; email?: string | null; _verified?: boolean | null }

/**
 * The logged-in member's account as stored now (not as a token or a strategy remembered it), and
 * only while its address is verified: a collection with `auth.verify` must have `_verified`; in a
 * collection without it, the address is the one staff or an import set, or one the member confirmed
 * from that address (the host holds back unconfirmed changes), so it counts as verified.
 */
const loggedInMember = async (
  req: PayloadRequest,
  options: SanitizedOptions,
): Promise<MemberAccount | 'unverified' | null> => {
  if (req.user?.collection !== options.memberCollection) return null
  const account = (await req.payload
    .findByID({
      collection: options.memberCollection,
      id: req.user.id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      disableErrors: true,
      req,
    })
    .catch(() => null)) as MemberAccount | null
  if (!account) return null
  return account.email && account._verified !== false ? account : 'unverified'
}

const findOwn = async (req: PayloadRequest, email: string) => {
  const { docs } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG,
    where: { email: { equals: email.toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs[0] as SubscriberDoc | undefined) ?? null
}

const view = (subscriber: SubscriberDoc | null) =>
  subscriber
    ? {
        subscribed: subscriber.status === SUBSCRIBER_STATUS.confirmed,
        status: subscriber.status,
        topics: subscriber.topics ?? [],
        frequency: subscriber.frequency,
      }
    : { subscribed: false, status: null, topics: [], frequency: null }

/**
 * `GET|POST|PATCH /api/subscribers/me`: a logged-in member manages the subscription of their own,
 * verified address (see loggedInMember), so there is no double opt-in; a suppressed address
 * (bounces, complaints) stays suppressed until an admin re-enables it.
 */
export const meEndpoints = (options: SanitizedOptions): Endpoint[] => {
  const handler = async (req: PayloadRequest) => {
    const member = await loggedInMember(req, options)
    if (!member) throw new APIError(MESSAGES.logInAsMember, 401)
    if (member === 'unverified' || !member.email) throw new APIError(MESSAGES.verifyFirst, 403)
    const existing = await findOwn(req, member.email)
    if (req.method === 'GET') return Response.json(view(existing))

    const body = await readBody(req)
    if (!body) return errorResponse(400, 'Send a JSON object: { topics, frequency }.', 'body')
    const input = checkSubscription(
      {
        email: member.email,
        topics: body.topics ?? existing?.topics ?? undefined,
        frequency: body.frequency ?? existing?.frequency ?? undefined,
      },
      options.topics,
    )
    if ('field' in input) return errorResponse(400, input.message, input.field)
    if (existing?.status === SUBSCRIBER_STATUS.suppressed) {
      throw new APIError(MESSAGES.suppressed, 409)
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
      ? await req.payload.update({
          collection: SUBSCRIBERS_SLUG,
          id: existing.id,
          data,
          overrideAccess: true,
        })
      : await req.payload.create({ collection: SUBSCRIBERS_SLUG, data, overrideAccess: true })
    return Response.json(view(saved as SubscriberDoc), { status: existing ? 200 : 201 })
  }
  return [
    { path: '/me', method: 'get', handler },
    { path: '/me', method: 'post', handler },
    { path: '/me', method: 'patch', handler },
  ]
}
