import type { Endpoint } from 'payload'

import { SUBSCRIBE_ACCEPTED, TASK_CONFIRM_SUBSCRIPTION } from '../constants'
import type { SubscribeRequest } from '../delivery/confirmation'
import { createEmailRateLimit } from '../rules/emailRateLimit'
import { consentAddressHash } from '../tokens'
import type { ResolvedSubscriptionOptions } from '../types'
import { checkSubscription } from '../validation'
import { fieldError, readBody } from './shared'

/**
 * `POST /api/subscribers/subscribe { email, topics, frequency }`: always 202 with the same body,
 * whatever the address's state, after the same work: check the request, count it against the
 * address's limit, queue it. Looking the address up, writing the subscriber and sending the
 * confirmation happen in the jobs queue (`subscriptionsConfirm`), so neither the answer nor its
 * timing tells whether an address subscribes. A new or pending address gets a confirmation email
 * (at most one per `resendIntervalSeconds`); a confirmed one is left alone; a suppressed one is
 * never mailed.
 */
export const subscribeEndpoint = (options: ResolvedSubscriptionOptions): Endpoint => {
  const perEmail = createEmailRateLimit(options.subscribeLimitPerEmail.max, options.subscribeLimitPerEmail.windowSeconds, options.shared.counter)
  return {
    path: '/subscribe',
    method: 'post',
    handler: async (req) => {
      const body = await readBody(req)
      if (!body) return fieldError('body', 'Send a JSON object: { email, topics, frequency }.')
      const input = checkSubscription(body, options.topics)
      if ('field' in input) return fieldError(input.field, input.message)
      const waitSeconds = await perEmail.hit(input.email)
      if (waitSeconds > 0) {
        const refused = fieldError('email', 'Too many subscription requests for this address. Try again later.', 429)
        refused.headers.set('Retry-After', String(waitSeconds))
        return refused
      }
      if (options.disabled) return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })

      const request: SubscribeRequest = {
        ...input,
        ipHash: consentAddressHash(req.payload.secret, options.clientAddress(req)),
        requestedAt: new Date().toISOString(),
      }
      await req.payload.jobs.queue({ task: TASK_CONFIRM_SUBSCRIPTION as never, input: request as never, queue: options.queue.name, req })
      return Response.json(SUBSCRIBE_ACCEPTED, { status: 202 })
    },
  }
}
