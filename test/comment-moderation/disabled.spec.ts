/**
 * `disabled: true` keeps the schema exactly (so migrations never change) and adds no moderation
 * hooks, endpoints or tasks; a member's comment is still posted in the member's own name.
 */
import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import { commentModeration } from '@plugins/comment-moderation'

const host = (): Config =>
  ({
    secret: 'x',
    collections: [
      { slug: 'members', auth: true, fields: [{ name: 'name', type: 'text' }] },
      { slug: 'posts', fields: [{ name: 'title', type: 'text' }] },
    ],
  }) as Config

const configs = (disabled: boolean) => commentModeration({ collections: ['posts'], disabled })(host())
const bySlug = <T extends { slug: string }>(items: T[] | undefined, slug: string): T | undefined => items?.find((item) => item.slug === slug)
// Functions (access, hooks) are dropped by JSON: what is left is what the database schema is made of.
const schemaOf = (config: Config) =>
  JSON.stringify({
    collections: config.collections?.map(({ slug, fields, indexes }) => ({ slug, fields, indexes })),
    globals: config.globals?.map(({ slug, fields }: GlobalConfig) => ({ slug, fields })),
  })

test('the schema is the same whether the plugin is enabled or disabled', async () => {
  expect(schemaOf(await configs(true))).toBe(schemaOf(await configs(false)))
})

test('disabled: no endpoints, tasks or moderation hooks; the author is still assigned', async () => {
  const config = await configs(true)
  const comments = bySlug<CollectionConfig>(config.collections, 'comments')
  expect(comments?.endpoints ?? []).toEqual([])
  expect(config.jobs?.tasks ?? []).toEqual([])
  expect(comments?.hooks?.beforeOperation ?? []).toEqual([])
  expect(comments?.hooks?.afterChange ?? []).toEqual([])
  expect(comments?.hooks?.beforeValidate).toHaveLength(1)
})

test('enabled: the endpoints under /api/comments and the two tasks', async () => {
  const config = await configs(false)
  const comments = bySlug<CollectionConfig>(config.collections, 'comments')
  const endpoints = Array.isArray(comments?.endpoints) ? comments.endpoints : []
  expect(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['get /thread', 'get /stats', 'post /:id/report', 'post /ban', 'post /unban'])
  expect(config.jobs?.tasks?.map((task) => task.slug)).toEqual(['commentModeratorDigest', 'commentPurgeClientData'])
})
