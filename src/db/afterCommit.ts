import type { Payload, PayloadRequest } from 'payload'

type Callback = () => Promise<void>
type TransactionMethod = (id: number | string | Promise<number | string>) => Promise<void>

/** Work waiting for its transaction to commit, by transaction id (dropped on rollback). */
const waiting = new Map<number | string, Callback[]>()
const WRAPPED = Symbol.for('q-cms.afterCommit.wrapped')

/**
 * Runs `callback` once `req`'s transaction has committed, or now when there is none. For caches
 * that a concurrent reader could refill from the rows before the commit: clearing them only
 * inside the transaction would let that reader keep the old rows under the new generation.
 */
export const afterCommit = async (req: PayloadRequest, callback: Callback): Promise<void> => {
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return callback()
  const callbacks = waiting.get(id)
  if (callbacks) callbacks.push(callback)
  else waiting.set(id, [callback])
}

/** Wraps the adapter's commit and rollback once, so that `afterCommit` work runs (or is dropped). */
export const runWorkAfterCommits = (payload: Payload): void => {
  const adapter = payload.db as unknown as Record<string | symbol, unknown>
  if (adapter[WRAPPED]) return
  adapter[WRAPPED] = true
  const commit = adapter.commitTransaction as TransactionMethod | undefined
  if (typeof commit === 'function')
    adapter.commitTransaction = async function commitThenRunWaiting(
      this: unknown,
      id: number | string | Promise<number | string>,
    ) {
      await commit.call(this, id)
      const resolved = await id
      const callbacks = waiting.get(resolved) ?? []
      waiting.delete(resolved)
      for (const callback of callbacks) await callback()
    }
  const rollback = adapter.rollbackTransaction as TransactionMethod | undefined
  if (typeof rollback === 'function')
    adapter.rollbackTransaction = async function rollbackDroppingWaiting(
      this: unknown,
      id: number | string | Promise<number | string>,
    ) {
      await rollback.call(this, id)
      waiting.delete(await id)
    }
}
