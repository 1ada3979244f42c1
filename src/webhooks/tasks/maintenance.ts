import { SLUGS } from '@collections/slugs'
import type { TaskConfig } from 'payload'

import { settings } from '@/config/settings'

import { TASK_WEBHOOKS_MAINTENANCE, WEBHOOKS_QUEUE } from '../constants'
import { abandonedDeliveries, expiredDeliveries } from '../rules/maintenance'

/**
 * Every minute, in the webhooks queue: hands deliveries abandoned by a dead worker back to the
 * queue (the receiver may then get that message twice, with the same `webhook-id`: it was perhaps
 * sent just before the crash), and deletes log rows older than WEBHOOKS_LOG_RETENTION_DAYS.
 */
export const maintenanceTask = (): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_WEBHOOKS_MAINTENANCE,
  label: 'Webhooks: resume abandoned deliveries, delete old log rows',
  schedule: [{ cron: '* * * * *', queue: WEBHOOKS_QUEUE }],
  handler: async ({ req }) => {
    const now = new Date()
    const { timeoutMs, logRetentionDays } = settings.webhooks
    await req.payload.db.updateJobs({
      where: abandonedDeliveries(now, timeoutMs),
      data: { processing: false },
      returning: false,
      req,
    })
    await req.payload.db.deleteMany({
      collection: SLUGS.webhookDeliveries,
      where: expiredDeliveries(now, logRetentionDays),
      req,
    })
    return { output: {} }
  },
})
