import type { Payload, PayloadRequest } from 'payload'

import { postgresBackend, type PostgresDb } from './backends/postgres'
import { sqliteBackend, type SqliteDb } from './backends/sqlite'
import type { SearchBackend } from './backends/types'

/** What the SQL adapters expose: their drizzle instance and one per open transaction. */
type DrizzleAdapter<DB> = {
  name: string
  drizzle: DB
  sessions?: Record<string | number, { db?: DB } | undefined>
}

const isDrizzleAdapter = (db: object): db is DrizzleAdapter<unknown> =>
  'drizzle' in db && 'sessions' in db

/**
 * The drizzle instance of the request's transaction when it has one (what Payload's own
 * `getTransaction` returns), otherwise the adapter's own.
 */
const dbFor =
  <DB>(adapter: DrizzleAdapter<DB>) =>
  async (req: PayloadRequest | undefined): Promise<DB> => {
    const id = req?.transactionID ? await req.transactionID : undefined
    return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
  }

const backends = new WeakMap<Payload, SearchBackend | null>()

/** The search index of this Payload's database, or null on MongoDB (no full-text index here). */
export const searchBackend = (payload: Payload): SearchBackend | null => {
  const known = backends.get(payload)
  if (known !== undefined) return known
  const db: object = payload.db
  let backend: SearchBackend | null = null
  if (isDrizzleAdapter(db)) {
    // The adapter names its dialect; its drizzle instance (and each session's) is that dialect's.
    if (payload.db.name === 'sqlite') {
      const adapter = db as DrizzleAdapter<SqliteDb>
      backend = sqliteBackend(payload, adapter.drizzle, dbFor(adapter))
    } else {
      const adapter = db as DrizzleAdapter<PostgresDb>
      backend = postgresBackend(payload, adapter.drizzle, dbFor(adapter))
    }
  }
  backends.set(payload, backend)
  return backend
}
