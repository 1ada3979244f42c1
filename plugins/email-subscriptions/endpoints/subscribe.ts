import { readBody } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, PayloadRequest } from 'payload'

import { SUBSCRIBE_ACCEPTED, TASK_CONFIRM_SUBSCRIPTION } from '../constants'
import { checkSubscription, type SubscriptionInput } from '../rules/validation'
import type { SanitizedOptions } from '../types'
import type { SubscribeRequest } from '../utilities/confirmSubscriptionRequest'
import { createEmailRateLimit } from '../utilities/emailRateLimit'
import { consentAddressHash } from '../utilities/tokens'

/** What a checked, counted subscribe request leads to (index.ts picks it: queued, or nothing while switched off). */
export type AcceptSubscription = (req: PayloadRequest, input: SubscriptionInput) => Promise<void>

/** Queues the request for `subscriptionsConfirm`, with the consent facts of this moment. */
export const queueConfirmation =
  (options: SanitizedOptions): AcceptSubscription =>
  async (req, input) => {
    const request: SubscribeRequest = {
      ...input,
      ipHash: consentAddressHash(req.payload.secret, options.clientAddress(req)),
      requestedAt: new Date().toISOString(),
    }
    await req.payload.jobs.queue({
      task: TASK_CONFIRM_SUBSCRIPTION,
      input: request,
      queue: options.queue.name,
      req,
    })
  }

/** While the plugin is disabled: the same answer, nothing queued. */
export const acceptWithoutQueueing: AcceptSubscription = () => Promise.resolve()

/**
 * `POST /api/subscribers/subscribe { email, topics, frequency }`: always 202 with the same body,
 * whatever the address's state, after the same work: check the request, count it against the
 * address's limit, queue it. Looking the address up, writing the subscriber and sending the
 * confirmation happen in the jobs queue (`subscriptionsConfirm`), so neither the answer nor its
 * timing tells whether an address subscribes. A new or pending address gets a confirmation email
 * (at most one per `resendIntervalSeconds`); a confirmed one is left alone; a suppressed one is
 * never mailed.
 */
export const subscribeEndpoint = (
  options: SanitizedOptions,
  accept: AcceptSubscription,
): Endpoint => {
  const perEmail = createEmailRateLimit(
    options.subscribeLimitPerEmail.max,
    options.subscribeLimitPerEmail.windowSeconds,
    options.shared.counter,
  )
  return {
    path: '/subscribe',
    method: 'post',
    handler: async (req) => {
      const body = await readBody(req)
      if (!body)
        return errorResponse(400, 'Send a JSON object: { email, topics, frequency }.', 'body')
      const input = checkSubscription(body, options.topics)
      if ('field' in input) return errorResponse(400, input.message, input.field)
      const waitSeconds = await perEmail.hit(input.email)
      if (waitSeconds > 0) {
        const refused = errorResponse(
          429,
          'Too many subscription requests for this address. Try again later.',
          'email',
        )
        refused.headers.set('Retry-After', String(waitSeconds))
        return refused
      }
      await accept(req, input)
      return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })
    },
  }
}
