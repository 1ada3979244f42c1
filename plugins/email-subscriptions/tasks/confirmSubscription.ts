import type { TaskConfig } from 'payload'

import { FREQUENCIES, type Frequency, TASK_CONFIRM_SUBSCRIPTION } from '../constants'
import type { SanitizedOptions } from '../types'
import { confirmSubscriptionRequest } from '../utilities/confirmSubscriptionRequest'

const isFrequency = (value: string): value is Frequency =>
  FREQUENCIES.some((frequency) => frequency === value)

/**
 * One subscribe request (queued by `POST /subscribe`, which does the same work for every address so
 * its timing tells nothing): creates or refreshes the pending subscriber and sends the confirmation
 * email. A failed send is retried with exponential backoff.
 */
export const confirmSubscriptionTask = (
  options: SanitizedOptions,
): TaskConfig<{
  input: {
    email: string
    topics: string[]
    frequency: string
    ipHash?: string | null
    requestedAt: string
  }
  output: { sent: boolean }
}> => ({
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
  retries: {
    attempts: options.retries.attempts,
    backoff: { type: 'exponential', delay: options.retries.retryDelayMs },
  },
  handler: async ({ input, req }) => {
    const sent = await confirmSubscriptionRequest(req.payload, options, {
      email: input.email,
      topics: input.topics,
      // Checked by the endpoint that queued it; a job from an older version is read the same way.
      frequency: isFrequency(input.frequency) ? input.frequency : 'instant',
      ipHash: input.ipHash ?? null,
      requestedAt: input.requestedAt,
    })
    return { output: { sent } }
  },
})
