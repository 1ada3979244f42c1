/** How the plugin transforms a config: options, `overrides`, `disabled`, without starting Payload. */
import {
  defaults,
  emailSubscriptions,
  type Options,
  sanitizeOptions,
} from '@plugins/email-subscriptions'
import {
  DELIVERIES_SLUG,
  MAILINGS_SLUG,
  SUBSCRIBERS_SLUG,
  TASK_CONFIRM_SUBSCRIPTION,
  TASK_MAINTENANCE,
  TASK_SEND_MAILING,
} from '@plugins/email-subscriptions/constants'
import { errorResponse } from '@plugins/shared/responses'
import type { CollectionConfig, Config } from 'payload'

const posts: CollectionConfig = {
  slug: 'posts',
  versions: { drafts: true },
  fields: [{ name: 'title', type: 'text' }],
}
const base: Config = { collections: [posts], secret: 'test', db: {} as Config['db'] }
const collectionOf = (config: Config, slug: string) =>
  config.collections?.find((collection) => collection.slug === slug)
const endpointPaths = (collection: CollectionConfig | undefined) =>
  (collection?.endpoints || []).map((endpoint) => `${endpoint.method} ${endpoint.path}`)
const fieldNames = (collection: CollectionConfig | undefined) =>
  collection?.fields.map((field) => ('name' in field ? field.name : field.type))

describe('sanitizeOptions', () => {
  test('defaults first, the host after, nested groups key by key; an undefined option keeps its default', () => {
    const options = sanitizeOptions({
      topics: ['posts'],
      serverURL: 'http://cms.test',
      batchSize: undefined,
      queue: { cron: '* * * * * *', name: undefined },
      retries: { retryDelayMs: 10 },
    })
    expect(options.batchSize).toBe(defaults.batchSize)
    expect(options.queue).toEqual({
      name: 'subscriptions',
      cron: '* * * * * *',
      maintenanceCron: defaults.queue.maintenanceCron,
    })
    expect(options.retries).toEqual({ attempts: defaults.retries.attempts, retryDelayMs: 10 })
    expect(options.digest).toEqual(defaults.digest)
    expect(options.disabled).toBe(false)
  })
})

describe('emailSubscriptions', () => {
  const options = { topics: ['posts'], serverURL: 'http://cms.test' }
  const apply = async (pluginOptions: Options): Promise<Config> =>
    emailSubscriptions(pluginOptions)(base)

  test('adds the three collections, the preview field and the hook on topics, the endpoints and the tasks in the plugin queue', async () => {
    const config = await apply(options)
    expect(config.collections?.map((collection) => collection.slug)).toEqual([
      'posts',
      SUBSCRIBERS_SLUG,
      MAILINGS_SLUG,
      DELIVERIES_SLUG,
    ])
    expect(fieldNames(collectionOf(config, 'posts'))).toEqual(['title', 'updateEmailPreview'])
    expect(collectionOf(config, 'posts')?.hooks?.afterChange).toHaveLength(1)
    expect(endpointPaths(collectionOf(config, SUBSCRIBERS_SLUG))).toContain('post /subscribe')
    expect(config.jobs?.tasks?.map((task) => task.slug)).toEqual([
      TASK_SEND_MAILING,
      TASK_MAINTENANCE,
      TASK_CONFIRM_SUBSCRIPTION,
    ])
    expect(config.jobs?.autoRun).toEqual([
      { cron: defaults.queue.cron, queue: 'subscriptions', limit: 10 },
    ])
  })

  test('disabled: the same schema (the tasks stay registered, idle and unscheduled), no hook, no queue run; the endpoints stay', async () => {
    const enabled = await apply(options)
    const disabled = await apply({ ...options, disabled: true })
    for (const slug of ['posts', SUBSCRIBERS_SLUG, MAILINGS_SLUG, DELIVERIES_SLUG]) {
      expect(fieldNames(collectionOf(disabled, slug))).toEqual(
        fieldNames(collectionOf(enabled, slug)),
      )
    }
    expect(collectionOf(disabled, 'posts')?.hooks?.afterChange ?? []).toHaveLength(0)
    const taskSlugs = (config: Config) => (config.jobs?.tasks ?? []).map((task) => task.slug)
    expect(taskSlugs(disabled)).toEqual(taskSlugs(enabled))
    expect((disabled.jobs?.tasks ?? []).every((task) => task.schedule === undefined)).toBe(true)
    expect(disabled.jobs?.autoRun ?? []).toHaveLength(0)
    expect(endpointPaths(collectionOf(disabled, SUBSCRIBERS_SLUG))).toEqual(
      endpointPaths(collectionOf(enabled, SUBSCRIBERS_SLUG)),
    )
  })

  test('overrides receive the default fields and change the collection', async () => {
    const config = await apply({
      ...options,
      subscribersOverrides: ({ defaultFields }) => ({
        admin: { group: 'Mail' },
        fields: [...defaultFields, { name: 'note', type: 'text' }],
      }),
      deliveriesOverrides: () => ({ labels: { singular: 'Send', plural: 'Sends' } }),
    })
    const subscribers = collectionOf(config, SUBSCRIBERS_SLUG)
    expect(subscribers?.admin?.group).toBe('Mail')
    expect(fieldNames(subscribers)?.at(-1)).toBe('note')
    expect(fieldNames(subscribers)).toContain('email')
    expect(collectionOf(config, DELIVERIES_SLUG)?.labels).toEqual({
      singular: 'Send',
      plural: 'Sends',
    })
    expect(fieldNames(collectionOf(config, DELIVERIES_SLUG))).toContain('key')
  })
})

describe('errorResponse', () => {
  test('names the field as the REST API does', async () => {
    const response = errorResponse(404, 'No subscriber with this id.', 'id')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'No subscriber with this id.',
          field: 'id',
          data: { errors: [{ path: 'id', message: 'No subscriber with this id.' }] },
        },
      ],
    })
  })
})
