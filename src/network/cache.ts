import { SLUGS } from '@collections/slugs'
import { and, type AnyColumn, asc, eq, gt } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import type { Payload, Where } from 'payload'
import { extractID } from 'payload/shared'

import { getRedis } from '../redis/client'
import type { NetworkConnection, NetworkMember } from './metrics'
import { bumpGeneration, readGeneration, sharedFigure } from './sharedFigures'
import { column, type SqlAccess, sqlAccess } from './sqlAdapter'
import { buildTimeline, runInSlices, type Timeline } from './timeline'

/**
 * The network as last loaded (members who agreed to network analysis and their connections to each
 * other: every figure, the export and the dashboard read only this), its timeline (what the figures are swept from), and the figures
 * computed from it, kept per process until members or connections change (the collections' hooks
 * and the import call `invalidateNetwork`). With REDIS_URL the figures are shared: see sharedFigures.
 */
export type Snapshot = {
  members: NetworkMember[]
  connections: NetworkConnection[]
  timeline: Timeline
  /**
   * A figure computed once per snapshot, by key (e.g. `stats:2026-03-31`); concurrent requests
   * share it. `size` counts its points (for the memory bound); with Redis, `lock` names a
   * cluster-wide lock shared by figures of every generation (default: one per figure and generation).
   */
  figure: <T>(
    key: string,
    compute: () => Promise<T>,
    options?: { size?: number; lock?: string },
  ) => Promise<T>
}

/**
 * Figures kept per snapshot. lru-cache (rather than a Map) because the keys come from the
 * request: anyone can ask for another range, and a Map would grow with every one of them. Sizes
 * count series points, so a few long series cannot keep thousands of points each.
 */
const FIGURES = { maxEntries: 500, maxPoints: 20_000 }

/** The snapshot as loaded, and the network generation it was loaded at ('local' without Redis). */
let snapshot: { generation: string; loading: Promise<Snapshot> } | null = null

/** Drops the snapshot here and, with Redis, on every instance (their next read sees a new generation). */
export const invalidateNetwork = async (): Promise<void> => {
  snapshot = null
  const redis = getRedis()
  if (redis) await bumpGeneration(redis)
}

/** Rows read per query: each query (and what is done with its rows) holds the event loop briefly. */
const PAGE = 1_000

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Every row of a query, a page at a time (by id) and converted page by page, so that no one read
 * holds the event loop for long (SQLite's driver reads synchronously).
 */
const readPaged = async <R extends { id?: unknown }, T>(
  readPage: (afterId: number | string | null) => PromiseLike<R[]>,
  convert: (row: R) => T,
): Promise<T[]> => {
  const all: T[] = []
  let afterId: number | string | null = null
  for (;;) {
    const rows = await readPage(afterId)
    for (const row of rows) all.push(convert(row))
    const lastId = rows.length ? (rows[rows.length - 1].id as number | string) : null
    if (rows.length < PAGE || lastId === null) return all
    afterId = lastId
    await yieldToEventLoop()
  }
}

type Loaded = { members: NetworkMember[]; connections: NetworkConnection[] }

/** A timestamp as the driver gives it: ISO from SQLite, `2024-01-01 00:00:00+00` from PostgreSQL; `Date` reads both. */
const timestamp = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value)

/**
 * SQLite and PostgreSQL: only the columns the figures need, straight from the tables. Through the
 * Local API the same read takes seconds per 10,000 rows (every document runs through Payload's field
 * transforms and hooks) and holds the event loop for most of it.
 */
const loadWithSql = async (sql: SqlAccess): Promise<Loaded> => {
  const members = sql.table(SLUGS.members)
  const connections = sql.table(SLUGS.connections)
  const memberId = column<AnyColumn>(members, 'id')
  const connectionId = column<AnyColumn>(connections, 'id')
  const accepted = eq(column<AnyColumn>(connections, 'status'), 'accepted')
  const consented = eq(column<AnyColumn>(members, 'networkAnalysis'), true)
  return {
    members: await readPaged(
      (afterId) =>
        sql.drizzle
          .select({
            id: memberId,
            joinedAt: column(members, 'joinedAt'),
            createdAt: column(members, 'createdAt'),
            region: column(members, 'region'),
            profession: column(members, 'profession'),
            directoryVisible: column(members, 'directoryVisible'),
          })
          .from(members)
          .where(afterId === null ? consented : and(consented, gt(memberId, afterId)))
          .orderBy(asc(memberId))
          .limit(PAGE),
      (row) => ({
        id: String(row.id),
        joinedAt: timestamp(row.joinedAt ?? row.createdAt),
        region: (row.region as string | null) ?? null,
        profession: (row.profession as string | null) ?? null,
        directoryVisible: row.directoryVisible !== false && row.directoryVisible !== 0,
      }),
    ),
    connections: await readPaged(
      (afterId) =>
        sql.drizzle
          .select({
            id: connectionId,
            from: column(connections, 'from'),
            to: column(connections, 'to'),
            acceptedAt: column(connections, 'acceptedAt'),
            updatedAt: column(connections, 'updatedAt'),
          })
          .from(connections)
          .where(afterId === null ? accepted : and(accepted, gt(connectionId, afterId)))
          .orderBy(asc(connectionId))
          .limit(PAGE),
      (row) => ({
        from: String(row.from),
        to: String(row.to),
        acceptedAt: timestamp(row.acceptedAt ?? row.updatedAt),
      }),
    ),
  }
}

const afterIdWhere = (afterId: number | string | null): Where =>
  afterId === null ? {} : { id: { greater_than: afterId } }

/** MongoDB: through the Local API, a page at a time. */
const loadWithLocalApi = async (payload: Payload): Promise<Loaded> => ({
  members: await readPaged(
    async (afterId) =>
      (
        await payload.find({
          collection: SLUGS.members,
          where: { networkAnalysis: { equals: true }, ...afterIdWhere(afterId) },
          sort: 'id',
          limit: PAGE,
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: {
            joinedAt: true,
            createdAt: true,
            region: true,
            profession: true,
            directoryVisible: true,
          },
        })
      ).docs,
    (member) => ({
      id: String(member.id),
      joinedAt: member.joinedAt ?? member.createdAt,
      region: member.region ?? null,
      profession: member.profession ?? null,
      directoryVisible: member.directoryVisible !== false,
    }),
  ),
  connections: await readPaged(
    async (afterId) =>
      (
        await payload.find({
          collection: SLUGS.connections,
          where: { status: { equals: 'accepted' }, ...afterIdWhere(afterId) },
          sort: 'id',
          limit: PAGE,
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: { from: true, to: true, acceptedAt: true, updatedAt: true },
        })
      ).docs,
    (connection) => ({
      from: String(extractID(connection.from)),
      to: String(extractID(connection.to)),
      acceptedAt: connection.acceptedAt ?? connection.updatedAt,
    }),
  ),
})

/**
 * Only members who agreed to network analysis are loaded, and only connections between two of them:
 * a connection tells about both people, so it counts only when both said yes.
 */
export const consentedConnections = (
  members: NetworkMember[],
  connections: NetworkConnection[],
): NetworkConnection[] => {
  const consented = new Set(members.map((member) => member.id))
  return connections.filter(
    (connection) => consented.has(connection.from) && consented.has(connection.to),
  )
}

const loadSnapshot = async (payload: Payload, generation: string): Promise<Snapshot> => {
  const sql = sqlAccess(payload)
  const loaded = sql ? await loadWithSql(sql) : await loadWithLocalApi(payload)
  const members = loaded.members
  const connections = consentedConnections(members, loaded.connections)
  const timeline = await runInSlices(buildTimeline(members, connections))
  const figures = new LRUCache<string, Promise<unknown>>({
    max: FIGURES.maxEntries,
    maxSize: FIGURES.maxPoints,
    sizeCalculation: () => 1,
  })
  return {
    members,
    connections,
    timeline,
    figure: <T>(
      key: string,
      compute: () => Promise<T>,
      { size = 1, lock }: { size?: number; lock?: string } = {},
    ) => {
      const cached = figures.get(key)
      if (cached) return cached as Promise<T>
      const redis = getRedis()
      const value = redis
        ? sharedFigure(redis, {
            resultKey: `${generation}:${key}`,
            lockKey: lock ? `network:${lock}` : `network:${generation}:${key}`,
            compute,
          })
        : compute()
      figures.set(key, value, { size: Math.max(1, Math.min(size, FIGURES.maxPoints)) })
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (figures.get(key) === value) figures.delete(key)
      })
      return value
    },
  }
}

export const networkSnapshot = async (payload: Payload): Promise<Snapshot> => {
  const redis = getRedis()
  // One GET per request with Redis: another instance may have changed the network.
  const generation = redis ? await readGeneration(redis) : 'local'
  if (!snapshot || snapshot.generation !== generation) {
    const loading = loadSnapshot(payload, generation)
    const current = { generation, loading }
    snapshot = current
    loading.catch(() => {
      if (snapshot === current) snapshot = null
    })
  }
  return snapshot.loading
}
