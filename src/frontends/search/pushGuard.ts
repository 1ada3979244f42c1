import { sql } from 'drizzle-orm'
import type { DatabaseAdapterObj } from 'payload'

import { SEARCH_TABLES } from './constants'

type PushSchema = (
  schema: unknown,
  drizzle: { run: (query: unknown) => unknown },
  ...rest: unknown[]
) => unknown
type DrizzleKit = { pushSchema: PushSchema }

const hasDrizzleKit = (adapter: object): adapter is { requireDrizzleKit: () => DrizzleKit } =>
  'requireDrizzleKit' in adapter

/**
 * In development Payload pushes its schema with drizzle-kit, which offers to drop every table it
 * does not know (and asks on the terminal). SQLite's push takes no table filter, so the search
 * index (derived data) is dropped just before the push instead; the host re-creates it on init and
 * refills it from the published documents. Production applies migrations and never pushes.
 */
export const dropSearchIndexBeforePush = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    if (!hasDrizzleKit(adapter)) return adapter
    const requireDrizzleKit = adapter.requireDrizzleKit.bind(adapter)
    adapter.requireDrizzleKit = () => {
      const kit = requireDrizzleKit()
      return {
        ...kit,
        pushSchema: async (schema, drizzle, ...rest) => {
          for (const table of [SEARCH_TABLES.fts, SEARCH_TABLES.documents, SEARCH_TABLES.terms])
            await drizzle.run(sql.raw(`DROP TABLE IF EXISTS ${table}`))
          return kit.pushSchema(schema, drizzle, ...rest)
        },
      }
    }
    return adapter
  },
})

/** PostgreSQL's push takes a table filter: it leaves the search tables alone. */
export const SEARCH_TABLES_FILTER = [`!search_*`]
