import { randomBytes } from 'node:crypto'

import { type SQL, sql } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

/** The drizzle instance of an open transaction: PostgreSQL's executes, libsql's runs. */
type SessionDB =
  { execute: (query: SQL) => Promise<unknown> } | { run: (query: SQL) => Promise<unknown> }

const sessionDB = async (req: PayloadRequest): Promise<SessionDB | undefined> => {
  const id = req.transactionID ? await req.transactionID : undefined
  const db: object = req.payload.db
  if (id === undefined || !('sessions' in db)) return undefined
  const sessions = db.sessions as Record<string | number, { db?: SessionDB } | undefined>
  return sessions[id]?.db
}

/**
 * Runs side work of a write (queueing webhook deliveries, …) inside a savepoint of the request's
 * transaction. On PostgreSQL a failed statement aborts the whole transaction, and Payload's commit
 * then silently rolls the editor's save back; rolling back to the savepoint keeps the save and
 * only drops the side work, whose error is rethrown for the caller to log. Without a transaction
 * the work simply runs.
 */
export const inSavepoint = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const db = await sessionDB(req)
  if (!db) return work()
  const run = (query: SQL) => ('execute' in db ? db.execute(query) : db.run(query))
  const name = sql.raw(`side_work_${randomBytes(6).toString('hex')}`)
  await run(sql`SAVEPOINT ${name}`)
  try {
    const result = await work()
    await run(sql`RELEASE SAVEPOINT ${name}`)
    return result
  } catch (error) {
    await run(sql`ROLLBACK TO SAVEPOINT ${name}`)
    await run(sql`RELEASE SAVEPOINT ${name}`)
    throw error
  }
}
