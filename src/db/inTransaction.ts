import { beginTransaction as beginDrizzleTransaction } from '@payloadcms/drizzle'
import type { PayloadRequest } from 'payload'

/**
 * Runs `work` in ONE database transaction joined by every Local API call given `req`: all of it is
 * written, or (when `work` throws) none of it. Inside a transaction already, it simply runs there.
 *
 * On SQLite, Payload leaves transactions off (the adapter's `transactionOptions` is unset, so its
 * `beginTransaction` returns null and every write commits at once). Turning them on for the whole
 * CMS would change how every request meets SQLite's single writer; so a transaction is opened on
 * the adapter for this work only, with Payload's own drizzle implementation (`BEGIN IMMEDIATE`:
 * the write lock is taken up front, other writers wait for it up to the busy timeout).
 */
export const inTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  if (req.transactionID) return work()
  const db = req.payload.db
  const id =
    db.name === 'sqlite' && !('transactionOptions' in db && db.transactionOptions)
      ? await beginDrizzleTransaction.call(db)
      : await db.beginTransaction()
  // MongoDB without a replica set has no transactions: the work runs as it would anyway.
  if (id === null) return work()
  req.transactionID = id
  try {
    const result = await work()
    await db.commitTransaction(id)
    return result
  } catch (error) {
    await db.rollbackTransaction(id)
    throw error
  } finally {
    delete req.transactionID
  }
}
