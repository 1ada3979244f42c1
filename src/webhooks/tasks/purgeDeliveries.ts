import { SLUGS } from '@collections/slugs'
import type { TaskConfig } from 'payload'

import { settings } from '@/config/settings'

import { TASK_PURGE_WEBHOOK_DELIVERIES, WEBHOOKS_QUEUE } from '../constants'

/** Daily: deletes delivery log rows older than WEBHOOKS_LOG_RETENTION_DAYS. */
export const purgeDeliveriesTask = (): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_PURGE_WEBHOOK_DELIVERIES,
  label: 'Webhooks: delete old delivery log rows',
  schedule: [{ cron: '17 3 * * *', queue: WEBHOOKS_QUEUE }],
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - settings.webhooks.logRetentionDays * 86_400_000)
    await req.payload.db.deleteMany({
      collection: SLUGS.webhookDeliveries,
      where: { createdAt: { less_than: cutoff.toISOString() } },
      req,
    })
    return { output: {} }
  },
})
