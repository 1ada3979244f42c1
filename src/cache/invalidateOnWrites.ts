import type { BaseDatabaseAdapter, Payload } from 'payload'

import { withBookkeepingKeepingUpdatedAt, writeMayChangePublicReads } from './publicWrites'
import { invalidateReadCache } from './readCacheState'

/** Every adapter method that writes, collections, globals and versions alike (not `updateJobs`). */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies readonly (keyof BaseDatabaseAdapter)[]

type WriteArgs = {
  collection?: string
  collectionSlug?: string
  slug?: string
  global?: string
  globalSlug?: string
  data?: unknown
  versionData?: unknown
  req?: { transactionID?: unknown }
}
type AdapterMethod = (args: WriteArgs) => Promise<unknown>
type TransactionMethod = (id: number | string | Promise<number | string>) => Promise<void>

const WRAPPED = Symbol.for('q-cms.readCache.wrapped')

/**
 * Invalidates the read cache on every write that can change a public response, whoever makes it:
 * REST, GraphQL, the admin, hooks, the jobs queue (scheduled publishing), seeds and imports that go
 * through Payload. It wraps the database adapter, so no write path can forget it.
 *
 * A write inside a transaction invalidates twice: when it is made, and after the commit. A read
 * that ran between the two saw the old rows under the new generation; the second invalidation
 * keeps its copy from being served.
 */
export const invalidateReadCacheOnWrites = (payload: Payload): void => {
  // Its write methods are replaced by name below: the adapter's type has no index signature for that.
  const adapter = payload.db as unknown as Record<string | symbol, unknown>
  if (adapter[WRAPPED]) return
  adapter[WRAPPED] = true
  const writtenTransactions = new Set<number | string>()

  for (const name of WRITE_METHODS) {
    const original = adapter[name] as AdapterMethod | undefined
    if (typeof original !== 'function') continue
    adapter[name] = async function invalidatingWrite(this: unknown, given: WriteArgs) {
      const args =
        given?.data === undefined
          ? given
          : { ...given, data: withBookkeepingKeepingUpdatedAt(given.data) }
      const result = await original.call(this, args)
      const write = {
        collection:
          args?.collection ??
          args?.collectionSlug ??
          args?.slug ??
          args?.global ??
          args?.globalSlug,
        data: args?.data ?? args?.versionData,
      }
      if (writeMayChangePublicReads(write)) {
        const transactionID = await args?.req?.transactionID
        if (typeof transactionID === 'string' || typeof transactionID === 'number')
          writtenTransactions.add(transactionID)
        await invalidateReadCache()
      }
      return result
    }
  }

  const commit = adapter.commitTransaction as TransactionMethod | undefined
  if (typeof commit === 'function') {
    adapter.commitTransaction = async function invalidatingCommit(
      this: unknown,
      id: number | string | Promise<number | string>,
    ) {
      await commit.call(this, id)
      const resolved = await id
      if (writtenTransactions.delete(resolved)) await invalidateReadCache()
    }
  }
  const rollback = adapter.rollbackTransaction as TransactionMethod | undefined
  if (typeof rollback === 'function') {
    adapter.rollbackTransaction = async function forgettingRollback(
      this: unknown,
      id: number | string | Promise<number | string>,
    ) {
      await rollback.call(this, id)
      writtenTransactions.delete(await id)
    }
  }
}
