import { documented } from '@q-community/plugin-shared/openapi'
import type { CollectionConfig, Config, Endpoint, Plugin } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import { buildDeliveries } from './collections/deliveries'
import { buildMailings } from './collections/mailings'
import { buildSubscribers } from './collections/subscribers'
import { ADMIN_COMPONENTS, SUBSCRIBERS_SLUG } from './constants'
import { sanitizeOptions } from './defaults'
import { adminEndpoints } from './endpoints/admin'
import { bounceEndpoint } from './endpoints/bounce'
import { confirmEndpoints } from './endpoints/confirm'
import { digestEndpoint, queueDigestNow, refuseWhileSwitchedOff } from './endpoints/digest'
import { subscriberEndpointDocs } from './endpoints/docs'
import { meEndpoints } from './endpoints/me'
import { preferencesEndpoints } from './endpoints/preferences'
import { acceptWithoutQueueing, queueConfirmation, subscribeEndpoint } from './endpoints/subscribe'
import { unsubscribeEndpoints } from './endpoints/unsubscribe'
import { announceFirstPublication } from './hooks/announceFirstPublication'
import { confirmSubscriptionTask } from './tasks/confirmSubscription'
import { maintenanceTask } from './tasks/maintenance'
import { sendMailingTask } from './tasks/sendMailing'
import type { Options, SanitizedOptions } from './types'
import { withOptionsInCustom } from './utilities/subscriptionOptions'

export {
  CONTEXT_KEYS,
  DELIVERIES_SLUG,
  MAILINGS_SLUG,
  SKIP_ANNOUNCEMENT,
  SUBSCRIBERS_SLUG,
} from './constants'
export { getSubscriptionContext, skipAnnouncementContext } from './context'
export { defaults, sanitizeOptions } from './defaults'
export type { FanOutProgress, MailingResult } from './email/sendMailing'
export type {
  CollectionOverrides,
  EmailSubscriptionsOptions,
  Options,
  SanitizedOptions,
  SubscriptionTemplates,
  SubscriptionTransport,
} from './types'
export { createDigestNow, runMailingByKey } from './utilities/mailings'
export {
  eraseMemberSubscription,
  type MemberRef,
  type MemberSubscriptionData,
  type MemberSubscriptionErasure,
  memberSubscriptionExport,
} from './utilities/memberData'
export { subscriptionOptionsOf } from './utilities/subscriptionOptions'

/** A topic collection's schema part: the email preview in the sidebar (kept when disabled). */
const withEmailPreview = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: [
    ...collection.fields,
    {
      name: 'updateEmailPreview',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: `${ADMIN_COMPONENTS}#EmailPreviewLink` } },
    },
  ],
})

/** A topic collection's behaviour: its first publication is announced (the plugin's hook runs before the host's). */
const withAnnouncements = (
  collection: CollectionConfig,
  options: SanitizedOptions,
): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [
      announceFirstPublication(options, collection.slug, hasDraftsEnabled(collection)),
      ...(collection.hooks?.afterChange ?? []),
    ],
  },
})

/** The endpoints under `/api/subscribers`; while disabled, subscribing queues nothing and the digest is refused. */
const subscriberEndpoints = (options: SanitizedOptions): Endpoint[] => {
  const docs = subscriberEndpointDocs(options)
  return [
    subscribeEndpoint(
      options,
      options.disabled ? acceptWithoutQueueing : queueConfirmation(options),
    ),
    ...confirmEndpoints(options),
    ...preferencesEndpoints(options),
    ...unsubscribeEndpoints(options),
    ...meEndpoints(options),
    bounceEndpoint(options),
    digestEndpoint(options, options.disabled ? refuseWhileSwitchedOff : queueDigestNow(options)),
    ...adminEndpoints(options),
  ].map((endpoint) => {
    const doc = docs[`${endpoint.method} ${endpoint.path}`]
    return doc ? documented(endpoint, doc) : endpoint
  })
}

const mapCollections = (
  config: Config,
  change: (collection: CollectionConfig) => CollectionConfig,
): Config => ({
  ...config,
  collections: (config.collections ?? []).map(change),
})

/** Step 1, always: the plugin's collections and the topic collections' preview field, so migrations never depend on `disabled`. */
const addSchema = (incoming: Config, options: SanitizedOptions): Config => ({
  ...incoming,
  // Server-only: scripts and tests reach the sanitized options through `subscriptionOptionsOf(payload)`.
  custom: withOptionsInCustom(incoming.custom, options),
  collections: [
    ...(incoming.collections ?? []).map((collection) =>
      options.topics.includes(collection.slug) ? withEmailPreview(collection) : collection,
    ),
    buildSubscribers(options),
    buildMailings(options),
    buildDeliveries(options),
  ],
})

/** The endpoints, on the subscribers collection (after any the host's overrides gave it). */
const addEndpoints = (config: Config, options: SanitizedOptions): Config =>
  mapCollections(config, (collection) =>
    collection.slug === SUBSCRIBERS_SLUG
      ? {
          ...collection,
          endpoints: [...subscriberEndpoints(options), ...(collection.endpoints || [])],
        }
      : collection,
  )

/**
 * While disabled the tasks stay registered, because their slugs are part of the jobs table's
 * schema, but nothing schedules them and a job queued before the switch finishes without work.
 */
type JobsTask = NonNullable<NonNullable<Config['jobs']>['tasks']>[number]

const idleTask = (task: JobsTask): JobsTask => ({
  ...task,
  schedule: undefined,
  handler: async () => ({ output: {} }),
})

/** The tasks, in the plugin's queue; hosts that work their queues with `autoRun` also work this one. */
const addTasks = (config: Config, options: SanitizedOptions): Config => {
  const jobs = config.jobs ?? {}
  const tasks: JobsTask[] = [
    sendMailingTask(options),
    maintenanceTask(options),
    confirmSubscriptionTask(options),
  ]
  if (options.disabled) {
    return { ...config, jobs: { ...jobs, tasks: [...(jobs.tasks ?? []), ...tasks.map(idleTask)] } }
  }
  const autoRun = jobs.autoRun
  const ownAutoRun = { cron: options.queue.cron, queue: options.queue.name, limit: 10 }
  return {
    ...config,
    jobs: {
      ...jobs,
      tasks: [...(jobs.tasks ?? []), ...tasks],
      autoRun:
        typeof autoRun === 'function'
          ? async (payload) => [...(await autoRun(payload)), ownAutoRun]
          : [...(autoRun ?? []), ownAutoRun],
    },
  }
}

/**
 * "Get updates from Q": double opt-in subscriptions to publications in the `topics` collections,
 * per-topic choice, instant announcements and a weekly digest sent from the jobs queue exactly once
 * per subscriber, one-click unsubscribe, bounce suppression. See plugins/README.md.
 */
export const emailSubscriptions =
  (pluginOptions: Options): Plugin =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    const collections = incoming.collections ?? []
    const missing = options.topics.filter(
      (topic) => !collections.some((collection) => collection.slug === topic),
    )
    if (missing.length)
      throw new Error(
        `emailSubscriptions: topics name collections that do not exist: ${missing.join(', ')}`,
      )

    const config = addSchema(incoming, options)
    // Disabled: the endpoints stay (unsubscribe and preference links in sent emails keep working)
    // and the tasks stay idle, but nothing is announced, queued or sent.
    if (options.disabled) return addTasks(addEndpoints(config, options), options)

    const withHooks = mapCollections(config, (collection) =>
      options.topics.includes(collection.slug)
        ? withAnnouncements(collection, options)
        : collection,
    )
    return addTasks(addEndpoints(withHooks, options), options)
  }
