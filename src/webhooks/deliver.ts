import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

import { settings } from '@/config/settings'

import { ERROR_MESSAGE_MAX } from './constants'
import { postJSON, type PostResult } from './post'
import { webhookURLProblem } from './rules/addresses'
import { signDelivery } from './sign'

/** The parts of a webhook a delivery needs. */
export type DeliveryTarget = { id: number; url: string; secret?: string | null }

/** One message: the same id and bytes on every attempt. */
export type DeliveryMessage = { messageId: string; eventType: string; body: string }

export type DeliveryResult = PostResult & { delivered: boolean }

const isDelivered = (status: number | null): boolean =>
  status !== null && status >= 200 && status < 300

/** Signs and POSTs one attempt (no retry here), checking the URL against the current settings. */
const attempt = async (target: DeliveryTarget, message: DeliveryMessage): Promise<PostResult> => {
  const { allowPrivateURLs, timeoutMs } = settings.webhooks
  const problem = webhookURLProblem(target.url, allowPrivateURLs)
  if (problem) return { status: null, body: '', durationMs: 0, error: `url: ${problem}` }
  if (!target.secret) return { status: null, body: '', durationMs: 0, error: 'No secret set.' }
  return postJSON({
    url: target.url,
    headers: signDelivery(target.secret, message.messageId, message.body, new Date()),
    body: message.body,
    timeoutMs,
    allowPrivate: allowPrivateURLs,
  })
}

/**
 * One delivery attempt, logged in `webhook-deliveries` whatever its outcome. Logging never turns a
 * delivered message into a failure: a retry would deliver it twice.
 */
export const deliverOnce = async (
  payload: Payload,
  target: DeliveryTarget,
  message: DeliveryMessage,
  attemptNumber: number,
): Promise<DeliveryResult> => {
  const result = await attempt(target, message)
  const delivered = isDelivered(result.status)
  try {
    // Its own write, outside any transaction of the caller, so a failed attempt stays on record.
    await payload.create({
      collection: SLUGS.webhookDeliveries,
      data: {
        webhook: target.id,
        eventType: message.eventType,
        messageId: message.messageId,
        attempt: attemptNumber,
        delivered,
        statusCode: result.status,
        error:
          result.error?.slice(0, ERROR_MESSAGE_MAX) ?? (delivered ? null : 'Not a 2xx answer.'),
        durationMs: result.durationMs,
        responseBody: result.body || null,
      },
      overrideAccess: true,
      depth: 0,
    })
  } catch (err) {
    payload.logger.error({ err, msg: `webhooks: delivery ${message.messageId} not logged` })
  }
  return { ...result, delivered }
}
