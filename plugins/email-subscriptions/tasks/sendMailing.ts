import type { TaskConfig } from 'payload'

import { TASK_SEND_MAILING } from '../constants'
import type { SanitizedOptions } from '../types'
import { runMailingByKey } from '../utilities/mailings'

/** Sends one mailing; a throw (SMTP failing) makes the queue retry it with exponential backoff. */
export const sendMailingTask = (
  options: SanitizedOptions,
): TaskConfig<{ input: { mailing: string }; output: { sent: number; failed: number } }> => ({
  slug: TASK_SEND_MAILING,
  label: 'Send a subscription mailing',
  inputSchema: [{ name: 'mailing', type: 'text', required: true }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  retries: {
    attempts: options.retries.attempts,
    backoff: { type: 'exponential', delay: options.retries.retryDelayMs },
  },
  handler: async ({ input, req }) => {
    const result = await runMailingByKey(req.payload, options, input.mailing)
    return { output: { sent: result?.sent ?? 0, failed: result?.failed ?? 0 } }
  },
})
