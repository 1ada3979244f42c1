import { SLUGS } from '@collections/slugs'
import type { TaskConfig } from 'payload'

import { settings } from '@/config/settings'

import { TASK_DELIVER_WEBHOOK } from '../constants'
import { deliverOnce } from '../deliver'

/** Thrown when a receiver did not take the message: the queue retries with exponential backoff. */
export class WebhookDeliveryFailed extends Error {
  override name = 'WebhookDeliveryFailed'
}

/**
 * Delivers one message to one webhook, one attempt per run. A 2xx completes the job (and the job is
 * deleted); anything else throws, so Payload runs it again after WEBHOOKS_RETRY_DELAY_MS × 2^n, up
 * to WEBHOOKS_RETRY_ATTEMPTS retries, with the same message id and bytes. A webhook deleted or
 * switched off meanwhile ends the job without sending.
 */
export const deliverWebhookTask = (): TaskConfig<{
  input: { webhook: string; messageId: string; eventType: string; body: string }
  output: { delivered: boolean; status: number | null }
}> => {
  const { retryAttempts, retryDelayMs } = settings.webhooks
  return {
    slug: TASK_DELIVER_WEBHOOK,
    label: 'Webhooks: deliver one signed message',
    inputSchema: [
      { name: 'webhook', type: 'text', required: true },
      { name: 'messageId', type: 'text', required: true },
      { name: 'eventType', type: 'text', required: true },
      { name: 'body', type: 'text', required: true },
    ],
    outputSchema: [
      { name: 'delivered', type: 'checkbox' },
      { name: 'status', type: 'number' },
    ],
    retries: { attempts: retryAttempts, backoff: { type: 'exponential', delay: retryDelayMs } },
    handler: async ({ input, job, req }) => {
      // Only `null` (not found) means the webhook is gone; a database error throws, so the job is
      // retried instead of completing without a delivery.
      const webhook = await req.payload.findByID({
        collection: SLUGS.webhooks,
        id: input.webhook,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        joins: false,
      })
      if (!webhook?.active) return { output: { delivered: false, status: null } }
      const result = await deliverOnce(
        req.payload,
        webhook,
        { messageId: input.messageId, eventType: input.eventType, body: input.body },
        (job.totalTried ?? 0) + 1,
      )
      if (!result.delivered)
        throw new WebhookDeliveryFailed(
          `${input.eventType} ${input.messageId}: ${result.error ?? `HTTP ${result.status}`}`,
        )
      return { output: { delivered: true, status: result.status } }
    },
  }
}
