import type { Endpoint } from 'payload'

import { CONSENT_WORDING_VERSION, SUBSCRIBE_ACCEPTED, SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import { messageIdFor, sendEmailLoggingFailure, subscriberEmail } from '../email/send'
import { consentAddressHash, createToken, hashToken, newManageCredentials } from '../tokens'
import type { ResolvedSubscriptionOptions } from '../types'
import { createEmailRateLimit } from '../rules/emailRateLimit'
import { checkSubscription } from '../validation'
import { fieldError, readBody, type SubscriberDoc } from './shared'

/**
 * `POST /api/subscribers/subscribe { email, topics, frequency }`: always 202 with the same body,
 * whatever the address's state. A new or pending address gets a confirmation email (at most one
 * per `resendIntervalSeconds`); a confirmed one is left alone; a suppressed one is never mailed.
 */
export const subscribeEndpoint = (options: ResolvedSubscriptionOptions): Endpoint => {
  const perEmail = createEmailRateLimit(options.subscribeLimitPerEmail.max, options.subscribeLimitPerEmail.windowSeconds)
  return {
    path: '/subscribe',
    method: 'post',
    handler: async (req) => {
      const body = await readBody(req)
      if (!body) return fieldError('body', 'Send a JSON object: { email, topics, frequency }.')
      const input = checkSubscription(body, options.topics)
      if ('field' in input) return fieldError(input.field, input.message)
      const waitSeconds = perEmail.hit(input.email)
      if (waitSeconds > 0) {
        const refused = fieldError('email', 'Too many subscription requests for this address. Try again later.', 429)
        refused.headers.set('Retry-After', String(waitSeconds))
        return refused
      }
      if (options.disabled) return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })

      const now = new Date()
      const { docs } = await req.payload.find({
        collection: SUBSCRIBERS_SLUG as never,
        where: { email: { equals: input.email } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        showHiddenFields: true,
      })
      const existing = docs[0] as unknown as SubscriberDoc | undefined
      const mayMail = !existing || existing.status === SUBSCRIBER_STATUS.pending || existing.status === SUBSCRIBER_STATUS.unsubscribed
      const recentlySent =
        existing?.confirmationSentAt && now.getTime() - new Date(existing.confirmationSentAt).getTime() < options.resendIntervalSeconds * 1000
      if (!mayMail || recentlySent) return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })

      const confirmToken = createToken()
      const { manageKey, manageToken, manageTokenHash } = newManageCredentials(req.payload.secret)
      const address = options.clientAddress(req)
      const data = {
        email: input.email,
        topics: input.topics,
        frequency: input.frequency,
        status: SUBSCRIBER_STATUS.pending,
        confirmTokenHash: hashToken(confirmToken),
        confirmTokenExpiresAt: new Date(now.getTime() + options.tokenLifetimeDays * 86_400_000).toISOString(),
        confirmationSentAt: now.toISOString(),
        manageKey,
        manageTokenHash,
        consent: {
          at: now.toISOString(),
          source: 'subscribe-form',
          ipHash: consentAddressHash(req.payload.secret, address),
          wordingVersion: CONSENT_WORDING_VERSION,
        },
      }
      const subscriber = existing
        ? await req.payload.update({ collection: SUBSCRIBERS_SLUG as never, id: existing.id, data: data as never, overrideAccess: true })
        : await req.payload.create({ collection: SUBSCRIBERS_SLUG as never, data: data as never, overrideAccess: true })
      const confirmURL = `${options.serverURL}/api/subscribers/confirm?token=${confirmToken}`
      const email = await options.templates.confirmation({ confirmURL, topics: input.topics, lifetimeDays: options.tokenLifetimeDays })
      const to = (subscriber as unknown as SubscriberDoc).email
      await sendEmailLoggingFailure(req.payload, options, subscriberEmail(options, { to, manageToken, email, messageId: messageIdFor(options, `confirm.${hashToken(confirmToken).slice(0, 16)}`) }))
      return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })
    },
  }
}
