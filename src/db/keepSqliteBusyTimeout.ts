import type { Payload } from 'payload'

/** The parts of the libsql client (`@libsql/client`, sqlite3 mode) this reaches for. */
type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
}

const isLibsqlClient = (client: unknown): client is LibsqlClient =>
  typeof client === 'object' && client !== null && 'execute' in client && 'transaction' in client

/**
 * Payload sets `busy_timeout` once, on the libsql client's first connection; but the client hands
 * that connection to each transaction and opens a fresh one (timeout 0) for what follows. From the
 * first transaction on, a write that meets another process's lock (`npm run seed`, `import`,
 * `digest`) then failed at once with SQLITE_BUSY (a 500). This sets the timeout again on each
 * fresh connection, so writers wait for the lock as the adapter's `busyTimeout` intends (and the
 * memory-mapped read size, likewise per connection).
 */
export const keepSqliteBusyTimeout = async (
  payload: Payload,
  busyTimeoutMs: number,
  mmapBytes = 0,
): Promise<void> => {
  const { client } = payload.db as { client?: unknown }
  if (payload.db.name !== 'sqlite' || !isLibsqlClient(client)) return
  const setTimeoutOnConnection = async () => {
    await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    // Memory-mapped reads: a search that filters reads one row per match, and a read() system
    // call per page cost more than the search itself (see bench/RESULTS.md, ranked search).
    if (mmapBytes > 0) await client.execute(`PRAGMA mmap_size = ${mmapBytes}`)
  }
  // Start-up migrations ran in transactions already: the connection in use now is a fresh one.
  await setTimeoutOnConnection()
  const beginTransaction = client.transaction.bind(client)
  client.transaction = async (mode) => {
    const transaction = await beginTransaction(mode)
    // The client has just let go of its connection: this opens the next one and sets its timeout.
    await setTimeoutOnConnection()
    return transaction
  }
}
