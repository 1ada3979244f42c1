import type { Config, Payload, Plugin } from 'payload'

import { CLI_SCRIPT_ENV } from '@/db/databaseAdapter'

import { isSearchableCollection } from './constants'
import { searchEndpoint } from './endpoint'
import { indexAfterChange } from './hooks/indexAfterChange'
import { removeAfterDelete } from './hooks/removeAfterDelete'
import { countPublished, rebuildSearchIndex } from './rebuild'
import { searchBackend } from './store'

/**
 * Makes sure the index's tables exist (the migration's idempotent `up`: after a development schema
 * push, or before a CLI script migrates) and fills an empty index from the published documents in
 * the background (a database that had content before search existed, or a development database
 * whose index the push dropped). Start-up does not wait for it.
 */
export const startSearchIndex = async (payload: Payload) => {
  const backend = searchBackend(payload)
  if (!backend) return
  await backend.ensureSchema()
  // A CLI script (seed, import, search:reindex) leaves the filling to the server or does it itself.
  if (process.env[CLI_SCRIPT_ENV] === 'true') return
  if ((await backend.count()) > 0 || (await countPublished(payload)) === 0) return
  payload.logger.info('search index: empty, rebuilding it from the published documents')
  void rebuildSearchIndex(payload).then(
    ({ indexed }) => payload.logger.info(`search index: ${indexed} documents indexed`),
    (err) => payload.logger.error({ err, msg: 'search index: rebuild failed' }),
  )
}

/**
 * Ranked search (`GET /api/search`): index hooks on the searchable collections (after theirs),
 * the endpoint, and the index's start-up check.
 */
export const searchPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      isSearchableCollection(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), indexAfterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), removeAfterDelete],
            },
          }
        : collection,
    ),
    endpoints: [...(config.endpoints ?? []), searchEndpoint],
    onInit: async (payload) => {
      await config.onInit?.(payload)
      await startSearchIndex(payload)
    },
  })
