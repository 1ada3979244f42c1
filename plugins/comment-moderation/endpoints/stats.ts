import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, Payload } from 'payload'

import { DECISIONS_SLUG, RULE } from '../constants'
import type { SanitizedOptions } from '../types'
import { decisionLogCache } from '../utilities/decisionLogCache'
import { loadPolicy } from '../utilities/policy'
import { STATS_DOC } from './docs'

type DecisionRow = {
  to: string
  source: string
  clauses?: string[] | null
  rules?: string[] | null
}

const parseDate = (value: string | null, fallback: Date): Date | null => {
  if (value === null || value === '') return fallback
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const countBy = (values: string[]) =>
  Object.entries(
    values.reduce<Record<string, number>>(
      (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))

/**
 * What public counts never show: the safeguarding lane's rule, and its clause on the lane's own
 * decisions. Any window can be asked for (to the second), so a count of them would tell someone
 * who knows that a person just commented that their words were read as a sign of distress.
 */
export type WithheldFromStats = { rule: string; clause: string | null }

const withoutLane = (row: DecisionRow, withheld: WithheldFromStats | undefined): DecisionRow => {
  if (!withheld || !(row.rules ?? []).includes(withheld.rule)) return row
  return {
    ...row,
    rules: (row.rules ?? []).filter((rule) => rule !== withheld.rule),
    clauses: (row.clauses ?? []).filter((clause) => clause !== withheld.clause),
  }
}

/** Counts of decisions by outcome, clause, rule and source: aggregates only, no rows, no people. */
export const summariseDecisions = (allRows: DecisionRow[], withheld?: WithheldFromStats) => {
  const rows = allRows.map((row) => withoutLane(row, withheld))
  return {
    total: rows.length,
    byStatus: countBy(rows.map((row) => row.to)).map(({ key, count }) => ({ status: key, count })),
    byClause: countBy(rows.flatMap((row) => row.clauses ?? [])).map(({ key, count }) => ({
      clause: key,
      count,
    })),
    byRule: countBy(rows.flatMap((row) => row.rules ?? [])).map(({ key, count }) => ({
      rule: key,
      count,
    })),
    bySource: countBy(rows.map((row) => row.source)).map(({ key, count }) => ({
      source: key,
      count,
    })),
  }
}

/** The longest range one request may count: a year, leap years included. */
export const STATS_MAX_RANGE_DAYS = 366
/** The longest an answer is kept per `from`/`to` as asked, while no decision is added. */
export const STATS_CACHE_SECONDS = 60
const STATS_CACHE_ENTRIES = 500

type Stats = { from: string; to: string } & ReturnType<typeof summariseDecisions>

/**
 * `GET /api/comments/stats?from=YYYY-MM-DD&to=YYYY-MM-DD` (default: the last 30 days). A range is
 * at most a year, and answers are cached until the next decision, a minute at most (the promise is
 * cached, so concurrent identical requests share one count): anonymous callers cannot make the
 * server read every decision ever made, over and over, and a decision is counted at once. With a
 * shared cache (several instances) an answer is counted once for all.
 */
export const statsEndpoint = (options: SanitizedOptions): Endpoint => {
  const cached = decisionLogCache<Stats>(options, {
    name: 'comment-stats',
    seconds: STATS_CACHE_SECONDS,
    entries: STATS_CACHE_ENTRIES,
  })
  return documented<Endpoint>(
    {
      path: '/stats',
      method: 'get',
      handler: async (req) => {
        const now = new Date()
        const from = parseDate(
          req.searchParams.get('from'),
          new Date(now.getTime() - 30 * 86_400_000),
        )
        if (!from) return errorResponse(400, 'from must be a date (YYYY-MM-DD).', 'from')
        let to = parseDate(req.searchParams.get('to'), now)
        if (!to) return errorResponse(400, 'to must be a date (YYYY-MM-DD).', 'to')
        // A bare date means the whole of that day.
        if (/^\d{4}-\d{2}-\d{2}$/.test(req.searchParams.get('to') ?? ''))
          to = new Date(to.getTime() + 86_400_000 - 1)
        if (from > to) return errorResponse(400, 'from must not be after to.', 'from')
        if (to.getTime() - from.getTime() >= STATS_MAX_RANGE_DAYS * 86_400_000) {
          return errorResponse(
            400,
            `from to to may cover at most ${STATS_MAX_RANGE_DAYS} days (to's day included).`,
            'from',
          )
        }
        // Keyed by the parameters as sent, so the default window ("the last 30 days") is one entry too.
        const params = `${req.searchParams.get('from') ?? ''}|${req.searchParams.get('to') ?? ''}`
        const stats = await cached(req.payload, params, async () => {
          const { ruleClauses } = await loadPolicy(req)
          const withheld = {
            rule: RULE.safeguarding,
            clause: ruleClauses[RULE.safeguarding] ?? null,
          }
          return countDecisions(req.payload, from, to, withheld)
        })
        return Response.json(stats)
      },
    },
    STATS_DOC,
  )
}

/** A `hasMany` text value as stored: a list of strings, or none. */
const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null

const countDecisions = async (
  payload: Payload,
  from: Date,
  to: Date,
  withheld: WithheldFromStats,
): Promise<Stats> => {
  const { docs } = await payload.find({
    collection: DECISIONS_SLUG,
    where: {
      and: [
        { decidedAt: { greater_than_equal: from.toISOString() } },
        { decidedAt: { less_than_equal: to.toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { to: true, source: true, clauses: true, rules: true },
  })
  const rows = docs.map((doc): DecisionRow => ({
    to: String(doc.to),
    source: String(doc.source),
    clauses: strings(doc.clauses),
    rules: strings(doc.rules),
  }))
  return { from: from.toISOString(), to: to.toISOString(), ...summariseDecisions(rows, withheld) }
}
