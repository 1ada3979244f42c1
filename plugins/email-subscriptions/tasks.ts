import type { TaskConfig } from 'payload'

import { type Frequency, TASK_CONFIRM_SUBSCRIPTION, TASK_MAINTENANCE, TASK_SEND_MAILING } from './constants'
import { confirmSubscriptionRequest } from './delivery/confirmation'
import { deliveryStoreFor } from './delivery/deliveryStore'
import { queueScheduledDigestIfDue, resumeAbandonedMailings, runMailingByKey } from './delivery/mailings'
import type { ResolvedSubscriptionOptions } from './types'

/** Sends one mailing; a throw (SMTP failing) makes the queue retry it with exponential backoff. */
export const sendMailingTask = (options: ResolvedSubscriptionOptions): TaskConfig<{ input: { mailing: string }; output: { sent: number; failed: number } }> => ({
  slug: TASK_SEND_MAILING,
  label: 'Send a subscription mailing',
  inputSchema: [{ name: 'mailing', type: 'text', required: true }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  retries: { attempts: options.retries.attempts, backoff: { type: 'exponential', delay: options.retries.retryDelayMs } },
  handler: async ({ input, req }) => {
    const result = await runMailingByKey(req.payload, options, input.mailing)
    return { output: { sent: result?.sent ?? 0, failed: result?.failed ?? 0 } }
  },
})

/**
 * Every minute (in the plugin's queue): queue the weekly digest when its schedule has fired, resume
 * mailings a stopped worker left half-sent, and delete delivery records past their retention.
 */
export const maintenanceTask = (options: ResolvedSubscriptionOptions): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_MAINTENANCE,
  label: 'Subscriptions: weekly digest and resuming mailings',
  schedule: [{ cron: options.queue.maintenanceCron, queue: options.queue.name }],
  handler: async ({ req }) => {
    if (options.disabled) return { output: {} }
    const now = new Date()
    await resumeAbandonedMailings(req.payload, options, now)
    await queueScheduledDigestIfDue(req.payload, options, now)
    await deliveryStoreFor(req.payload).purgeBefore(new Date(now.getTime() - options.deliveryRetentionDays * 86_400_000))
    return { output: {} }
  },
})

/**
 * One subscribe request (queued by `POST /subscribe`, which does the same work for every address so
 * its timing tells nothing): creates or refreshes the pending subscriber and sends the confirmation
 * email. A failed send is retried with exponential backoff.
 */
export const confirmSubscriptionTask = (
  options: ResolvedSubscriptionOptions,
): TaskConfig<{ input: { email: string; topics: string[]; frequency: string; ipHash?: string | null; requestedAt: string }; output: { sent: boolean } }> => ({
  slug: TASK_CONFIRM_SUBSCRIPTION,
  label: 'Subscriptions: confirm a subscribe request',
  inputSchema: [
    { name: 'email', type: 'text', required: true },
    { name: 'topics', type: 'text', hasMany: true, required: true },
    { name: 'frequency', type: 'text', required: true },
    { name: 'ipHash', type: 'text' },
    { name: 'requestedAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  retries: { attempts: options.retries.attempts, backoff: { type: 'exponential', delay: options.retries.retryDelayMs } },
  handler: async ({ input, req }) => {
    if (options.disabled) return { output: { sent: false } }
    const sent = await confirmSubscriptionRequest(req.payload, options, {
      email: input.email,
      topics: input.topics,
      frequency: input.frequency as Frequency,
      ipHash: input.ipHash ?? null,
      requestedAt: input.requestedAt,
    })
    return { output: { sent } }
  },
})
