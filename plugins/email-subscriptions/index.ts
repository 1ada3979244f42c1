import type { CollectionConfig, Config, Payload, Plugin } from 'payload'

import { memoryKeyedLock, memoryWindowCounter } from '../shared/sharedState'
import { isUsersAdmin } from './access'
import { buildDeliveries } from './collections/deliveries'
import { buildMailings } from './collections/mailings'
import { buildSubscribers } from './collections/subscribers'
import { ADMIN_COMPONENTS } from './constants'
import { defaultTemplates } from './email/templates'
import { announceFirstPublication } from './hooks/announceFirstPublication'
import { confirmSubscriptionTask, maintenanceTask, sendMailingTask } from './tasks'
import type { EmailSubscriptionsOptions, ResolvedSubscriptionOptions } from './types'

export { createDigestNow, runMailingByKey } from './delivery/mailings'
export { SKIP_ANNOUNCEMENT } from './hooks/announceFirstPublication'
export type { EmailSubscriptionsOptions, SubscriptionTemplates, SubscriptionTransport } from './types'

const OPTIONS_KEY = 'emailSubscriptions'

/** The options the plugin runs with in this Payload instance (for CLI scripts such as `npm run digest`). */
export const subscriptionOptionsOf = (payload: Payload): ResolvedSubscriptionOptions => {
  const options = (payload.config.custom as Record<string, unknown> | undefined)?.[OPTIONS_KEY]
  if (!options) throw new Error('emailSubscriptions is not in this Payload config')
  return options as ResolvedSubscriptionOptions
}

/** Defaults first, then the host's options; nested groups are merged key by key. */
export const resolveOptions = (pluginOptions: EmailSubscriptionsOptions): ResolvedSubscriptionOptions => ({
  topicLabels: {},
  frontendURL: {},
  tokenLifetimeDays: 7,
  resendIntervalSeconds: 60,
  subscribeLimitPerEmail: { max: 5, windowSeconds: 3600 },
  memberCollection: 'members',
  isAdmin: isUsersAdmin,
  hardBouncesToSuppress: 3,
  clientAddress: (req) => req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined,
  batchSize: 500,
  claimTimeoutSeconds: 300,
  deliveryRetentionDays: 90,
  disabled: false,
  ...pluginOptions,
  templates: { ...defaultTemplates, ...pluginOptions.templates },
  shared: { counter: pluginOptions.shared?.counter ?? memoryWindowCounter(), lock: pluginOptions.shared?.lock ?? memoryKeyedLock() },
  digest: { cron: '0 8 * * 1', timeZone: 'Europe/London', ...pluginOptions.digest },
  queue: { name: 'subscriptions', cron: '*/10 * * * * *', maintenanceCron: '* * * * *', ...pluginOptions.queue },
  retries: { attempts: 8, retryDelayMs: 5000, ...pluginOptions.retries },
})

const withAnnouncements = (collection: CollectionConfig, options: ResolvedSubscriptionOptions): CollectionConfig => {
  const versions = collection.versions
  const hasDrafts = typeof versions === 'object' && Boolean(versions.drafts)
  return {
    ...collection,
    fields: [
      ...collection.fields,
      { name: 'updateEmailPreview', type: 'ui', admin: { position: 'sidebar', components: { Field: `${ADMIN_COMPONENTS}/EmailPreviewLink#EmailPreviewLink` } } },
    ],
    hooks: {
      ...collection.hooks,
      // The plugin's hook runs before the host's.
      afterChange: [announceFirstPublication(options, collection.slug, hasDrafts), ...(collection.hooks?.afterChange ?? [])],
    },
  }
}

/**
 * "Get updates from Q": double opt-in subscriptions to publications in the `topics` collections,
 * per-topic choice, instant announcements and a weekly digest sent from the jobs queue exactly once
 * per subscriber, one-click unsubscribe, bounce suppression. See plugins/README.md.
 */
export const emailSubscriptions =
  (pluginOptions: EmailSubscriptionsOptions): Plugin =>
  (incoming: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const collections = incoming.collections ?? []
    const missing = options.topics.filter((topic) => !collections.some((collection) => collection.slug === topic))
    if (missing.length) throw new Error(`emailSubscriptions: topics name collections that do not exist: ${missing.join(', ')}`)

    const jobs = incoming.jobs ?? {}
    const autoRun = jobs.autoRun
    const ownAutoRun = { cron: options.queue.cron, queue: options.queue.name, limit: 10 }
    return {
      ...incoming,
      // Server-only: scripts and tests reach the resolved options through `subscriptionOptionsOf(payload)`.
      custom: { ...incoming.custom, [OPTIONS_KEY]: options },
      collections: [
        ...collections.map((collection) => (options.topics.includes(collection.slug) ? withAnnouncements(collection, options) : collection)),
        buildSubscribers(options),
        buildMailings(options),
        buildDeliveries(options),
      ],
      jobs: {
        ...jobs,
        tasks: [...(jobs.tasks ?? []), sendMailingTask(options), maintenanceTask(options), confirmSubscriptionTask(options)],
        // Hosts that work their queues with autoRun also work this one.
        autoRun:
          typeof autoRun === 'function'
            ? async (payload) => [...(await autoRun(payload)), ownAutoRun]
            : [...(autoRun ?? []), ownAutoRun],
      },
    }
  }
