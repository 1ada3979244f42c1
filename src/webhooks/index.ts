import type { CollectionConfig, CollectionSlug, Config, Plugin } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import { settings } from '@/config/settings'

import { WEBHOOK_COLLECTIONS, WEBHOOKS_QUEUE } from './constants'
import { announceChange } from './hooks/announceChange'
import { announceDelete } from './hooks/announceDelete'
import { rememberPublicStatus } from './hooks/rememberPublicStatus'
import { deliverWebhookTask } from './tasks/deliverWebhook'
import { maintenanceTask } from './tasks/maintenance'

const isWebhookCollection = (slug: string): slug is CollectionSlug =>
  WEBHOOK_COLLECTIONS.some((collection) => collection === slug)

/** The content collection with the webhook hooks after its own (and the plugins'). */
const withAnnouncements = (collection: CollectionConfig): CollectionConfig => {
  if (!isWebhookCollection(collection.slug)) return collection
  const slug = collection.slug
  const hasDrafts = hasDraftsEnabled(collection)
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: [
        ...(hooks.beforeChange ?? []),
        ...(hasDrafts ? [rememberPublicStatus(slug)] : []),
      ],
      afterChange: [...(hooks.afterChange ?? []), announceChange(slug, hasDrafts)],
      afterDelete: [...(hooks.afterDelete ?? []), announceDelete(slug, hasDrafts)],
    },
  }
}

/**
 * Signed webhooks, wired in one place: the content collections' hooks that queue deliveries, the
 * delivery and maintenance tasks, and the `webhooks` queue's own autoRun entry (WEBHOOKS_QUEUE_CRON).
 * The `webhooks` and `webhook-deliveries` collections live in collections/ with the others.
 */
export const webhooksPlugin =
  (): Plugin =>
  (incoming: Config): Config => {
    const jobs = incoming.jobs ?? {}
    const autoRun = jobs.autoRun
    // Up to 50 deliveries per tick, sent in parallel (a bulk publish fans out one job per webhook).
    const ownAutoRun = { cron: settings.webhooks.queueCron, queue: WEBHOOKS_QUEUE, limit: 50 }
    return {
      ...incoming,
      collections: (incoming.collections ?? []).map(withAnnouncements),
      jobs: {
        ...jobs,
        tasks: [...(jobs.tasks ?? []), deliverWebhookTask(), maintenanceTask()],
        autoRun:
          typeof autoRun === 'function'
            ? async (payload) => [...(await autoRun(payload)), ownAutoRun]
            : [...(autoRun ?? []), ownAutoRun],
      },
    }
  }
