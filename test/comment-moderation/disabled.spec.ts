/**
 * `disabled: true` keeps the schema exactly (so migrations never change), the endpoints and the
 * tasks, and adds no moderation hooks; a member's comment is still posted in the member's own name.
 */
import { commentModeration } from '@plugins/comment-moderation'
import type { CollectionConfig, Config, GlobalConfig } from 'payload'

const host = (): Config =>
  ({
    secret: 'x',
    collections: [
      { slug: 'members', auth: true, fields: [{ name: 'name', type: 'text' }] },
      { slug: 'posts', fields: [{ name: 'title', type: 'text' }] },
    ],
  }) as Config

const configs = (disabled: boolean) =>
  commentModeration({ collections: ['posts'], disabled })(host())
const bySlug = <T extends { slug: string }>(items: T[] | undefined, slug: string): T | undefined =>
  items?.find((item) => item.slug === slug)
// Functions (access, hooks) are dropped by JSON: what is left is what the database schema is made of.
const schemaOf = (config: Config) =>
  JSON.stringify({
    collections: config.collections?.map(({ slug, fields, indexes }) => ({
      slug,
      fields,
      indexes,
    })),
    globals: config.globals?.map(({ slug, fields }: GlobalConfig) => ({ slug, fields })),
  })

test('the schema is the same whether the plugin is enabled or disabled', async () => {
  expect(schemaOf(await configs(true))).toBe(schemaOf(await configs(false)))
})

const commentsOf = (config: Config) => bySlug<CollectionConfig>(config.collections, 'comments')
const endpointsOf = (config: Config) => {
  const endpoints = commentsOf(config)?.endpoints
  return (Array.isArray(endpoints) ? endpoints : []).map(
    (endpoint) => `${endpoint.method} ${endpoint.path}`,
  )
}

test.each([false, true])(
  'disabled: %s: the endpoints under /api/comments and the two tasks',
  async (disabled) => {
    const config = await configs(disabled)
    expect(endpointsOf(config)).toEqual([
      'get /thread',
      'get /stats',
      'post /:id/report',
      'post /ban',
      'post /unban',
      'post /:id/appeal',
      'get /transparency',
    ])
    expect(config.jobs?.tasks?.map((task) => task.slug)).toEqual([
      'commentModeratorDigest',
      'commentPurgeClientData',
    ])
  },
)

test('disabled: no moderation hooks; the author is still assigned', async () => {
  const hooks = commentsOf(await configs(true))?.hooks
  expect(hooks?.beforeOperation ?? []).toEqual([])
  expect(hooks?.beforeChange ?? []).toEqual([])
  expect(hooks?.afterChange ?? []).toEqual([])
  expect(hooks?.beforeValidate).toHaveLength(1)
})

test('enabled: the moderation hooks run before the author is assigned', async () => {
  const hooks = commentsOf(await configs(false))?.hooks
  expect(
    [hooks?.beforeOperation, hooks?.beforeValidate, hooks?.beforeChange, hooks?.afterChange].map(
      (list) => list?.length,
    ),
  ).toEqual([1, 2, 2, 1])
})
