import { setTimeout as delay } from 'node:timers/promises'

import type { Payload } from 'payload'

type ClosableSqlite = { client?: { close: () => void } }
type PgClient = { release?: (destroy?: boolean) => void }
type ClosablePostgres = {
  pool?: { end: () => Promise<void>; _clients?: PgClient[]; _idle?: { client: PgClient }[] }
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([promise, delay(ms, undefined, { ref: false })])

/**
 * Closes the database connection behind `payload`. `payload.destroy()` alone leaves it open: the
 * SQLite adapter keeps its libsql client, and the Postgres adapter keeps one pool client checked
 * out for its lifetime, so `pool.end()` would wait forever unless that client is released first.
 */
export const closeDatabase = async (payload: Payload, timeoutMs = 5000): Promise<void> => {
  // The libsql client and pg pool are private to the adapters: Payload's types do not expose them.
  const db = payload.db as unknown as ClosableSqlite & ClosablePostgres
  await withTimeout(payload.destroy(), timeoutMs)
  if (db.client && typeof db.client.close === 'function') {
    db.client.close()
  }
  if (db.pool) {
    // pg-pool keeps its clients in private lists; the checked-out ones are those not idle.
    // Releasing them with destroy=true ends their sockets so that `end()` can finish.
    const idle = new Set((db.pool._idle ?? []).map((item) => item.client))
    for (const client of db.pool._clients ?? []) {
      if (!idle.has(client)) client.release?.(true)
    }
    await withTimeout(db.pool.end(), timeoutMs)
  }
}
