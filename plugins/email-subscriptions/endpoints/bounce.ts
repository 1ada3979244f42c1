import { timingSafeEqual } from 'node:crypto'
import type { Endpoint } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import type { ResolvedSubscriptionOptions } from '../types'
import { normaliseEmail } from '../validation'
import { fieldError, readBody, type SubscriberDoc } from './shared'

export const BOUNCE_SECRET_HEADER = 'x-bounce-secret'
const BOUNCE_TYPES = ['hard', 'soft', 'complaint'] as const

const sameSecret = (given: string | null, expected: string) =>
  Boolean(given) && Buffer.byteLength(given as string) === Buffer.byteLength(expected) && timingSafeEqual(Buffer.from(given as string), Buffer.from(expected))

/**
 * `POST /api/subscribers/bounce { email, type: hard | soft | complaint }`, authenticated by the
 * shared secret in `x-bounce-secret` (from the mail provider's webhook). An address is suppressed
 * after `hardBouncesToSuppress` hard bounces or one complaint, and never mailed again until an
 * admin re-enables it. The answer is the same whether or not the address is known.
 */
export const bounceEndpoint = (options: ResolvedSubscriptionOptions): Endpoint => ({
  path: '/bounce',
  method: 'post',
  handler: async (req) => {
    if (!options.bounceSecret || !sameSecret(req.headers.get(BOUNCE_SECRET_HEADER), options.bounceSecret)) {
      return Response.json({ errors: [{ message: `A valid ${BOUNCE_SECRET_HEADER} header is required.` }] }, { status: 401 })
    }
    const body = await readBody(req)
    if (!body) return fieldError('body', 'Send a JSON object: { email, type }.')
    const email = normaliseEmail(body.email)
    if (!email) return fieldError('email', 'email must be a valid email address.')
    if (!BOUNCE_TYPES.includes(body.type as (typeof BOUNCE_TYPES)[number])) return fieldError('type', 'type must be hard, soft or complaint.')
    const { docs } = await req.payload.find({ collection: SUBSCRIBERS_SLUG as never, where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })
    const subscriber = docs[0] as unknown as (SubscriberDoc & { bounceCount?: number | null }) | undefined
    if (subscriber && body.type !== 'soft') {
      const bounceCount = (subscriber.bounceCount ?? 0) + (body.type === 'hard' ? 1 : 0)
      const suppress = body.type === 'complaint' || bounceCount >= options.hardBouncesToSuppress
      await req.payload.update({
        collection: SUBSCRIBERS_SLUG as never,
        id: subscriber.id,
        data: { bounceCount, ...(suppress ? { status: SUBSCRIBER_STATUS.suppressed } : {}) } as never,
        overrideAccess: true,
      })
    }
    return Response.json({ received: true }, { status: 202 })
  },
})
