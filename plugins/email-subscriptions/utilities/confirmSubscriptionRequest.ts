import type { Payload } from 'payload'

import {
  CONSENT_WORDING_VERSION,
  type Frequency,
  SUBSCRIBER_STATUS,
  SUBSCRIBERS_SLUG,
} from '../constants'
import { messageIdFor, sendEmail, subscriberEmail } from '../email/send'
import type { SanitizedOptions } from '../types'
import type { SubscriberDoc } from './subscribers'
import { createToken, hashToken, newManageCredentials } from './tokens'

/** What `POST /subscribe` hands the queue: the checked request, and the consent facts of its moment. */
export type SubscribeRequest = {
  email: string
  topics: string[]
  frequency: Frequency
  /** The keyed hash of the client's address, or null. */
  ipHash: string | null
  /** When the visitor asked (the consent's time), ISO. */
  requestedAt: string
}

/**
 * Acts on one subscribe request, in the jobs queue: a new, pending or unsubscribed address gets a
 * fresh confirmation link (at most one per `resendIntervalSeconds`); a confirmed one is left alone;
 * a suppressed one is never mailed. Returns whether an email went out. Throws when sending fails,
 * after releasing the resend interval, so the queue retries.
 *
 * One request per address at a time (`options.shared.lock`): jobs run side by side, on every
 * instance that works the queue, and this is a read-then-write (find, then create or update, then
 * send), so two requests for one address would otherwise both mail it.
 */
export const confirmSubscriptionRequest = (
  payload: Payload,
  options: SanitizedOptions,
  request: SubscribeRequest,
): Promise<boolean> =>
  options.shared.lock(`subscribe-confirm:${request.email}`, async () => {
    const now = new Date()
    const { docs } = await payload.find({
      collection: SUBSCRIBERS_SLUG,
      where: { email: { equals: request.email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const existing = docs[0] as SubscriberDoc | undefined
    const mayMail =
      !existing ||
      existing.status === SUBSCRIBER_STATUS.pending ||
      existing.status === SUBSCRIBER_STATUS.unsubscribed
    const recentlySent =
      existing?.confirmationSentAt &&
      now.getTime() - new Date(existing.confirmationSentAt).getTime() <
        options.resendIntervalSeconds * 1000
    if (!mayMail || recentlySent) return false

    const confirmToken = createToken()
    const { manageKey, manageToken, manageTokenHash } = newManageCredentials(payload.secret)
    const data = {
      email: request.email,
      topics: request.topics,
      frequency: request.frequency,
      status: SUBSCRIBER_STATUS.pending,
      confirmTokenHash: hashToken(confirmToken),
      confirmTokenExpiresAt: new Date(
        now.getTime() + options.tokenLifetimeDays * 86_400_000,
      ).toISOString(),
      confirmationSentAt: now.toISOString(),
      manageKey,
      manageTokenHash,
      consent: {
        at: request.requestedAt,
        source: 'subscribe-form',
        ipHash: request.ipHash,
        wordingVersion: CONSENT_WORDING_VERSION,
      },
    }
    const subscriber = (
      existing
        ? await payload.update({
            collection: SUBSCRIBERS_SLUG,
            id: existing.id,
            data,
            overrideAccess: true,
          })
        : await payload.create({ collection: SUBSCRIBERS_SLUG, data, overrideAccess: true })
    ) as SubscriberDoc
    const confirmURL = `${options.serverURL}/api/subscribers/confirm?token=${confirmToken}`
    const email = await options.templates.confirmation({
      confirmURL,
      topics: request.topics,
      lifetimeDays: options.tokenLifetimeDays,
    })
    try {
      await sendEmail(
        payload,
        options,
        subscriberEmail(options, {
          to: subscriber.email,
          manageToken,
          email,
          messageId: messageIdFor(options, `confirm.${hashToken(confirmToken).slice(0, 16)}`),
        }),
      )
    } catch (err) {
      // Not sent: the next attempt may send at once.
      await payload.update({
        collection: SUBSCRIBERS_SLUG,
        id: subscriber.id,
        data: { confirmationSentAt: null },
        overrideAccess: true,
      })
      throw err
    }
    return true
  })
