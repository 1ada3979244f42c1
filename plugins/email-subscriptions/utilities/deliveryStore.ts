import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Payload, Where } from 'payload'

import {
  DELIVERIES_SLUG,
  DELIVERY_STATUS,
  type DeliveryStatus,
  MAX_ATTEMPTS_PER_DELIVERY,
} from '../constants'

/**
 * Claims and marks of deliveries, a batch per statement. A fan-out to 10,000 subscribers would
 * spend longer writing 10,000 rows through the Local API (hooks, one statement each) than sending
 * the email, so on the SQL adapters this goes to the adapter's own drizzle instance; other adapters
 * (MongoDB) use the Local API, one row at a time.
 */
export type DeliveryStore = {
  /** Claims (mailing, subscriber) for this worker; returns the subscriber ids it may send to now. */
  claim: (
    mailing: string,
    subscriberIds: string[],
    now: Date,
    claimTimeoutSeconds: number,
  ) => Promise<Set<string>>
  mark: (
    mailing: string,
    subscriberIds: string[],
    status: DeliveryStatus,
    error?: string,
  ) => Promise<void>
  /** How many deliveries of a mailing are in each status. */
  countByStatus: (mailing: string) => Promise<Record<DeliveryStatus, number>>
  /** Deletes finished deliveries (sent or failed) last changed before `cutoff`; returns how many. */
  purgeBefore: (cutoff: Date) => Promise<number>
  /** Delivery rows of one subscriber (GDPR export). */
  forSubscriber: (
    subscriberId: string,
  ) => Promise<Array<{ mailing: string; status: string; sentAt: string | null }>>
}

export const deliveryKey = (mailing: string, subscriberId: string) => `${mailing}:${subscriberId}`

type Column = SQL.Aliased | object
type DeliveryTable = Record<
  | 'id'
  | 'key'
  | 'mailing'
  | 'subscriberId'
  | 'status'
  | 'attempts'
  | 'claimedAt'
  | 'sentAt'
  | 'error'
  | 'updatedAt'
  | 'createdAt',
  Column
>
type Row = Record<string, unknown>
type Returning = { returning: (fields: Record<string, Column>) => Promise<Row[]> }
/** The part of drizzle's query builder used here; identical for the SQLite and PostgreSQL dialects. */
type DrizzleLike = {
  insert: (table: object) => { values: (rows: Row[]) => { onConflictDoNothing: () => Returning } }
  update: (table: object) => {
    set: (values: Row) => { where: (where: SQL | undefined) => Returning & PromiseLike<unknown> }
  }
  delete: (table: object) => { where: (where: SQL | undefined) => Returning }
  select: (fields: Record<string, Column>) => {
    from: (table: object) => {
      where: (
        where: SQL | undefined,
      ) => PromiseLike<Row[]> & { groupBy: (column: Column) => PromiseLike<Row[]> }
    }
  }
}
type DrizzleAdapterLike = {
  drizzle: DrizzleLike
  tables: Record<string, DeliveryTable>
  tableNameMap: Map<string, string>
}

const hasDrizzle = (db: object): db is DrizzleAdapterLike =>
  'drizzle' in db && 'tables' in db && 'tableNameMap' in db

const emptyCounts = (): Record<DeliveryStatus, number> => ({ claimed: 0, sent: 0, failed: 0 })

const sqlStore = (adapter: DrizzleAdapterLike): DeliveryStore => {
  const table = () =>
    adapter.tables[
      adapter.tableNameMap.get(DELIVERIES_SLUG.replaceAll('-', '_')) ?? ''
    ] as DeliveryTable
  const column = (name: keyof DeliveryTable) => table()[name] as Parameters<typeof eq>[0]
  return {
    claim: async (mailing, subscriberIds, now, claimTimeoutSeconds) => {
      if (!subscriberIds.length) return new Set()
      const at = now.toISOString()
      const inserted = await adapter.drizzle
        .insert(table())
        .values(
          subscriberIds.map((subscriberId) => ({
            key: deliveryKey(mailing, subscriberId),
            mailing,
            subscriberId,
            status: DELIVERY_STATUS.claimed,
            attempts: 1,
            claimedAt: at,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .onConflictDoNothing()
        .returning({ subscriberId: table().subscriberId })
      // Rows that exist already: take back failed ones, and claims whose worker stopped. The
      // conditions are in the UPDATE itself, so of two workers only one gets each row.
      const abandonedBefore = new Date(now.getTime() - claimTimeoutSeconds * 1000).toISOString()
      const reclaimed = await adapter.drizzle
        .update(table())
        .set({
          status: DELIVERY_STATUS.claimed,
          claimedAt: at,
          updatedAt: at,
          attempts: sql`${column('attempts')} + 1`,
        })
        .where(
          and(
            eq(column('mailing'), mailing),
            inArray(column('subscriberId'), subscriberIds),
            lt(column('attempts'), MAX_ATTEMPTS_PER_DELIVERY),
            or(
              eq(column('status'), DELIVERY_STATUS.failed),
              and(
                eq(column('status'), DELIVERY_STATUS.claimed),
                lt(column('claimedAt'), abandonedBefore),
              ),
            ),
          ),
        )
        .returning({ subscriberId: table().subscriberId })
      return new Set([...inserted, ...reclaimed].map((row) => String(row.subscriberId)))
    },
    mark: async (mailing, subscriberIds, status, error) => {
      if (!subscriberIds.length) return
      const at = new Date().toISOString()
      await adapter.drizzle
        .update(table())
        .set({
          status,
          updatedAt: at,
          ...(status === DELIVERY_STATUS.sent
            ? { sentAt: at, error: null }
            : { error: error?.slice(0, 500) ?? null }),
        })
        .where(and(eq(column('mailing'), mailing), inArray(column('subscriberId'), subscriberIds)))
    },
    countByStatus: async (mailing) => {
      const rows = await adapter.drizzle
        .select({ status: table().status, count: sql<number>`count(*)` })
        .from(table())
        .where(eq(column('mailing'), mailing))
        .groupBy(table().status)
      const counts = emptyCounts()
      for (const row of rows) counts[row.status as DeliveryStatus] = Number(row.count)
      return counts
    },
    purgeBefore: async (cutoff) => {
      const deleted = await adapter.drizzle
        .delete(table())
        .where(
          and(
            lt(column('updatedAt'), cutoff.toISOString()),
            or(
              eq(column('status'), DELIVERY_STATUS.sent),
              eq(column('status'), DELIVERY_STATUS.failed),
            ),
          ),
        )
        .returning({ id: table().id })
      return deleted.length
    },
    forSubscriber: async (subscriberId) => {
      const rows = await adapter.drizzle
        .select({ mailing: table().mailing, status: table().status, sentAt: table().sentAt })
        .from(table())
        .where(eq(column('subscriberId'), subscriberId))
      return rows.map((row) => ({
        mailing: String(row.mailing),
        status: String(row.status),
        sentAt: row.sentAt ? String(row.sentAt) : null,
      }))
    },
  }
}

type DeliveryDoc = {
  id: number | string
  subscriberId: string
  status: string
  attempts?: number | null
  claimedAt?: string | null
  mailing: string
  sentAt?: string | null
}

/** The Local API version: correct, one row per statement. */
const localApiStore = (payload: Payload): DeliveryStore => {
  const find = async (where: Where) =>
    (
      await payload.find({
        collection: DELIVERIES_SLUG,
        where,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as DeliveryDoc[]
  return {
    claim: async (mailing, subscriberIds, now, claimTimeoutSeconds) => {
      const claimed = new Set<string>()
      const at = now.toISOString()
      const existing = new Map(
        (await find({ mailing: { equals: mailing }, subscriberId: { in: subscriberIds } })).map(
          (doc) => [doc.subscriberId, doc],
        ),
      )
      for (const subscriberId of subscriberIds) {
        const row = existing.get(subscriberId)
        if (!row) {
          try {
            const data = {
              key: deliveryKey(mailing, subscriberId),
              mailing,
              subscriberId,
              status: DELIVERY_STATUS.claimed,
              attempts: 1,
              claimedAt: at,
            }
            await payload.create({ collection: DELIVERIES_SLUG, data, overrideAccess: true })
            claimed.add(subscriberId)
          } catch {
            // The unique key: another worker claimed it first.
          }
          continue
        }
        const abandoned =
          row.status === DELIVERY_STATUS.claimed &&
          row.claimedAt &&
          now.getTime() - new Date(row.claimedAt).getTime() > claimTimeoutSeconds * 1000
        if (
          (row.attempts ?? 1) < MAX_ATTEMPTS_PER_DELIVERY &&
          (row.status === DELIVERY_STATUS.failed || abandoned)
        ) {
          await payload.update({
            collection: DELIVERIES_SLUG,
            id: row.id,
            data: {
              status: DELIVERY_STATUS.claimed,
              claimedAt: at,
              attempts: (row.attempts ?? 1) + 1,
            },
            overrideAccess: true,
          })
          claimed.add(subscriberId)
        }
      }
      return claimed
    },
    mark: async (mailing, subscriberIds, status, error) => {
      const at = new Date().toISOString()
      for (const row of await find({
        mailing: { equals: mailing },
        subscriberId: { in: subscriberIds },
      })) {
        await payload.update({
          collection: DELIVERIES_SLUG,
          id: row.id,
          data: { status, ...(status === DELIVERY_STATUS.sent ? { sentAt: at } : { error }) },
          overrideAccess: true,
        })
      }
    },
    countByStatus: async (mailing) => {
      const counts = emptyCounts()
      for (const row of await find({ mailing: { equals: mailing } }))
        counts[row.status as DeliveryStatus] += 1
      return counts
    },
    purgeBefore: async (cutoff) => {
      const { docs } = await payload.delete({
        collection: DELIVERIES_SLUG,
        where: {
          updatedAt: { less_than: cutoff.toISOString() },
          status: { in: [DELIVERY_STATUS.sent, DELIVERY_STATUS.failed] },
        },
        overrideAccess: true,
      })
      return docs.length
    },
    forSubscriber: async (subscriberId) =>
      (await find({ subscriberId: { equals: subscriberId } })).map((row) => ({
        mailing: row.mailing,
        status: row.status,
        sentAt: row.sentAt ?? null,
      })),
  }
}

export const deliveryStoreFor = (payload: Payload): DeliveryStore =>
  hasDrizzle(payload.db) ? sqlStore(payload.db) : localApiStore(payload)
