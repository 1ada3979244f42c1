import { LRUCache } from 'lru-cache'
import type { Endpoint, Payload } from 'payload'

import { DECISIONS_SLUG } from '../constants'
import type { ResolvedOptions } from '../types'
import { errorResponse } from './http'

type DecisionRow = { to: string; source: string; clauses?: string[] | null; rules?: string[] | null }

const parseDate = (value: string | null, fallback: Date): Date | null => {
  if (value === null || value === '') return fallback
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const countBy = (values: string[]) =>
  Object.entries(values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {}))
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))

/** Counts of decisions by outcome, clause, rule and source: aggregates only, no rows, no people. */
export const summariseDecisions = (rows: DecisionRow[]) => ({
  total: rows.length,
  byStatus: countBy(rows.map((row) => row.to)).map(({ key, count }) => ({ status: key, count })),
  byClause: countBy(rows.flatMap((row) => row.clauses ?? [])).map(({ key, count }) => ({ clause: key, count })),
  byRule: countBy(rows.flatMap((row) => row.rules ?? [])).map(({ key, count }) => ({ rule: key, count })),
  bySource: countBy(rows.map((row) => row.source)).map(({ key, count }) => ({ source: key, count })),
})

/** The longest range one request may count: a year, leap years included. */
export const STATS_MAX_RANGE_DAYS = 366
/** Public figures may be this stale: each answer is kept for a minute per `from`/`to` as asked. */
export const STATS_CACHE_SECONDS = 60
const STATS_CACHE_ENTRIES = 500

type Stats = { from: string; to: string } & ReturnType<typeof summariseDecisions>

/**
 * `GET /api/comments/stats?from=YYYY-MM-DD&to=YYYY-MM-DD` (default: the last 30 days). A range is
 * at most a year, and answers are cached briefly (the promise is cached, so concurrent identical
 * requests share one database read): anonymous callers cannot make the server read every decision
 * ever made, over and over. With a shared cache (several instances) an answer is counted once for all.
 */
export const statsEndpoint = (options: ResolvedOptions): Endpoint => {
  const cache = new LRUCache<string, Promise<Stats>>({ max: STATS_CACHE_ENTRIES, ttl: STATS_CACHE_SECONDS * 1000 })
  return {
    path: '/stats',
    method: 'get',
    handler: async (req) => {
      const now = new Date()
      const from = parseDate(req.searchParams.get('from'), new Date(now.getTime() - 30 * 86_400_000))
      if (!from) return errorResponse(400, 'from must be a date (YYYY-MM-DD).', 'from')
      let to = parseDate(req.searchParams.get('to'), now)
      if (!to) return errorResponse(400, 'to must be a date (YYYY-MM-DD).', 'to')
      // A bare date means the whole of that day.
      if (/^\d{4}-\d{2}-\d{2}$/.test(req.searchParams.get('to') ?? '')) to = new Date(to.getTime() + 86_400_000 - 1)
      if (from > to) return errorResponse(400, 'from must not be after to.', 'from')
      if (to.getTime() - from.getTime() >= STATS_MAX_RANGE_DAYS * 86_400_000) {
        return errorResponse(400, `from to to may cover at most ${STATS_MAX_RANGE_DAYS} days (to's day included).`, 'from')
      }
      // Keyed by the parameters as sent, so the default window ("the last 30 days") is one entry too.
      const key = `${req.searchParams.get('from') ?? ''}|${req.searchParams.get('to') ?? ''}`
      let stats = cache.get(key)
      if (!stats) {
        stats = sharedStats(options, key, () => countDecisions(req.payload, from, to))
        cache.set(key, stats)
        stats.catch(() => cache.delete(key))
      }
      return Response.json(await stats)
    },
  }
}

const sharedStats = async (options: ResolvedOptions, key: string, count: () => Promise<Stats>): Promise<Stats> => {
  const cacheKey = `comment-stats:${key}`
  const cached = await options.shared.cache.get(cacheKey)
  if (cached) return JSON.parse(cached) as Stats
  const stats = await count()
  await options.shared.cache.set(cacheKey, JSON.stringify(stats), STATS_CACHE_SECONDS * 1000)
  return stats
}

const countDecisions = async (payload: Payload, from: Date, to: Date): Promise<Stats> => {
  const { docs } = await payload.find({
    collection: DECISIONS_SLUG as never,
    where: { and: [{ decidedAt: { greater_than_equal: from.toISOString() } }, { decidedAt: { less_than_equal: to.toISOString() } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { to: true, source: true, clauses: true, rules: true } as never,
  })
  return { from: from.toISOString(), to: to.toISOString(), ...summariseDecisions(docs as unknown as DecisionRow[]) }
}
