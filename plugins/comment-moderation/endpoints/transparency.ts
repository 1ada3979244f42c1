import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, Payload, Where } from 'payload'

import { COMMENT_STATUS, COMMENTS_SLUG, DECISIONS_SLUG, RULE } from '../constants'
import {
  lastFullMonth,
  type LogRow,
  monthRange,
  summariseTransparency,
  type TransparencyReport,
} from '../rules/transparency'
import type { SanitizedOptions } from '../types'
import { decisionLogCache } from '../utilities/decisionLogCache'
import { loadPolicy } from '../utilities/policy'
import { TRANSPARENCY_DOC } from './docs'

/** How long an answer is kept (and may be cached by browsers and proxies): the month still running. */
export const TRANSPARENCY_CURRENT_SECONDS = 60
/** A past month changes only as its held comments are decided: an hour. */
export const TRANSPARENCY_PAST_SECONDS = 3600
const CACHE_ENTRIES = 200

/** A `hasMany` text value as stored: a list of strings. */
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

const readRows = async (payload: Payload, where: Where): Promise<LogRow[]> => {
  const { docs } = await payload.find({
    collection: DECISIONS_SLUG,
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'decidedAt',
    select: {
      comment: true,
      from: true,
      to: true,
      source: true,
      clauses: true,
      rules: true,
      decidedAt: true,
    },
  })
  return docs.map((doc) => ({
    comment: String(doc.comment),
    from: typeof doc.from === 'string' ? doc.from : null,
    to: String(doc.to),
    source: String(doc.source),
    clauses: strings(doc.clauses),
    rules: strings(doc.rules),
    decidedAt: String(doc.decidedAt),
  }))
}

/** Reports made in the month (each comment's reports are a private array; only their dates are counted). */
const countReports = async (payload: Payload, from: Date, to: Date) => {
  const inMonth = (value: unknown) =>
    typeof value === 'string' && value >= from.toISOString() && value < to.toISOString()
  const { docs } = await payload.find({
    collection: COMMENTS_SLUG,
    where: {
      and: [
        { 'reports.reportedAt': { greater_than_equal: from.toISOString() } },
        { 'reports.reportedAt': { less_than: to.toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { reports: true },
  })
  return docs.reduce(
    (total, doc) =>
      total +
      (Array.isArray(doc.reports)
        ? doc.reports.filter((report: { reportedAt?: unknown }) => inMonth(report.reportedAt))
            .length
        : 0),
    0,
  )
}

const buildReport = async (
  payload: Payload,
  month: string,
  { from, to, complete }: { from: Date; to: Date; complete: boolean },
  safeguardingClause: string | null,
): Promise<TransparencyReport> => {
  const inMonth = (field: string): Where => ({
    and: [
      { [field]: { greater_than_equal: from.toISOString() } },
      { [field]: { less_than: to.toISOString() } },
    ],
  })
  const monthRows = await readRows(payload, inMonth('decidedAt'))
  // Held or hidden in the month and decided after it: their first decision ends the wait.
  const awaited = [
    ...new Set(
      monthRows
        .filter(
          (row) =>
            (row.source === 'rules' && row.to === COMMENT_STATUS.pending) ||
            row.source === 'reports',
        )
        .map((row) => row.comment),
    ),
  ]
  const laterRows = awaited.length
    ? await readRows(payload, {
        and: [
          { comment: { in: awaited } },
          { decidedAt: { greater_than_equal: to.toISOString() } },
        ],
      })
    : []
  const { totalDocs: commentsReceived } = await payload.count({
    collection: COMMENTS_SLUG,
    where: inMonth('createdAt'),
    overrideAccess: true,
  })
  return summariseTransparency({
    month,
    complete,
    safeguardingClause,
    commentsReceived,
    reportsReceived: await countReports(payload, from, to),
    monthRows,
    laterRows,
  })
}

/**
 * `GET /api/comments/transparency?month=YYYY-MM` (default: the last full month), public: the
 * month's comments received, decisions by status and clause, median time to a human decision
 * for held comments (the safeguarding lane apart), appeals and reports with their outcomes.
 * Aggregates only. Cached like `stats`: per month and newest decision, in this process and in
 * the shared cache, and for browsers and proxies (a minute for the current month, an hour for past ones).
 */
export const transparencyEndpoint = (options: SanitizedOptions): Endpoint => {
  const cached = decisionLogCache<TransparencyReport>(options, {
    name: 'comment-transparency',
    seconds: TRANSPARENCY_CURRENT_SECONDS,
    entries: CACHE_ENTRIES,
  })
  return documented<Endpoint>(
    {
      path: '/transparency',
      method: 'get',
      handler: async (req) => {
        const now = new Date()
        const month = req.searchParams.get('month') || lastFullMonth(now)
        const range = monthRange(month, now)
        if (!range)
          return errorResponse(
            400,
            'month must be a month as YYYY-MM, from 2000-01 to the current month.',
            'month',
          )
        const past = range.to.getTime() <= now.getTime()
        const seconds = past ? TRANSPARENCY_PAST_SECONDS : TRANSPARENCY_CURRENT_SECONDS
        const report = await cached(
          req.payload,
          month,
          async () => {
            const { ruleClauses } = await loadPolicy(req)
            return buildReport(
              req.payload,
              month,
              { ...range, complete: past },
              ruleClauses[RULE.safeguarding] ?? null,
            )
          },
          seconds,
        )
        return Response.json(report, {
          headers: { 'Cache-Control': `public, max-age=${seconds}` },
        })
      },
    },
    TRANSPARENCY_DOC,
  )
}
