import type { TaskConfig } from 'payload'

import { TASK_MAINTENANCE } from '../constants'
import type { SanitizedOptions } from '../types'
import { deliveryStoreFor } from '../utilities/deliveryStore'
import { queueScheduledDigestIfDue, resumeAbandonedMailings } from '../utilities/mailings'

/**
 * Every minute (in the plugin's queue): queue the weekly digest when its schedule has fired, resume
 * mailings a stopped worker left half-sent, and delete delivery records past their retention.
 */
export const maintenanceTask = (
  options: SanitizedOptions,
): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_MAINTENANCE,
  label: 'Subscriptions: weekly digest and resuming mailings',
  schedule: [{ cron: options.queue.maintenanceCron, queue: options.queue.name }],
  handler: async ({ req }) => {
    const now = new Date()
    await resumeAbandonedMailings(req.payload, options, now)
    await queueScheduledDigestIfDue(req.payload, options, now)
    await deliveryStoreFor(req.payload).purgeBefore(
      new Date(now.getTime() - options.deliveryRetentionDays * 86_400_000),
    )
    return { output: {} }
  },
})
