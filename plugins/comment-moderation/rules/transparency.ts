import { APPEAL_STATUS, COMMENT_STATUS, type DecisionSource, RULE } from '../constants'

/**
 * The public transparency report's arithmetic: pure functions over rows of the decision log, so
 * the endpoint only reads and the figures are unit-tested. Nothing here returns an id, a name or
 * a text: only counts and durations.
 */

/** One row of the decision log, as the report reads it. */
export type LogRow = {
  comment: string
  from: string | null
  to: string
  source: DecisionSource | string
  clauses: string[]
  rules: string[]
  decidedAt: string
}

/** The first month the report covers: anything earlier is a mistake, not history. */
export const TRANSPARENCY_FIRST_YEAR = 2000

/** `YYYY-MM` → the month's first instant and the next month's (UTC), or null for a bad month. */
export const monthRange = (month: string, now: Date): { from: Date; to: Date } | null => {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  if (!match) return null
  const year = Number(match[1])
  const index = Number(match[2]) - 1
  if (year < TRANSPARENCY_FIRST_YEAR) return null
  const from = new Date(Date.UTC(year, index, 1))
  if (from.getTime() > now.getTime()) return null
  return { from, to: new Date(Date.UTC(year, index + 1, 1)) }
}

/** `YYYY-MM` of the month before `now`'s (UTC): the last full month, the report's default. */
export const lastFullMonth = (now: Date): string => {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return date.toISOString().slice(0, 7)
}

/** The `count` months up to and including `month`, oldest first. */
export const monthsUpTo = (month: string, count: number): string[] => {
  const [year, index] = month.split('-').map(Number)
  return Array.from({ length: count }, (_, offset) =>
    new Date(Date.UTC(year, index - 1 - (count - 1 - offset), 1)).toISOString().slice(0, 7),
  )
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export const median = (values: number[]): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const countBy = <K extends string>(values: string[], key: K) =>
  Object.entries(
    values.reduce<Record<string, number>>(
      (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
      {},
    ),
  )
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([value, count]) => ({ [key]: value, count }) as { [P in K]: string } & { count: number })

const isHumanDecision = (row: LogRow) => row.source === 'moderator' || row.source === 'appeal'

/** The first human decision on `row`'s comment after `row`, if any. */
const nextHumanDecision = (row: LogRow, byComment: Map<string, LogRow[]>) =>
  (byComment.get(row.comment) ?? []).find(
    (later) => isHumanDecision(later) && later.decidedAt >= row.decidedAt && later !== row,
  )

const minutesBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000)

/** Held comments, how many have a human decision yet, and the median wait for one, in minutes. */
const waitFor = (held: LogRow[], byComment: Map<string, LogRow[]>) => {
  const waits = held.flatMap((row) => {
    const decided = nextHumanDecision(row, byComment)
    return decided ? [minutesBetween(row.decidedAt, decided.decidedAt)] : []
  })
  return { held: held.length, decided: waits.length, medianMinutes: median(waits) }
}

/**
 * The safeguarding lane's figures are published for a finished month with at least this many
 * holds: a live or small count would tell someone who knows that a person just commented that
 * their words were read as a sign of distress.
 */
export const SAFEGUARDING_MIN_PUBLISHED = 5

/** What the lane shows when its figures are withheld (the month is running, or too few holds). */
const WITHHELD_LANE = { held: null, decided: null, medianMinutes: null, withheld: true } as const

export type TransparencyInput = {
  month: string
  /** The month is over: only then are the safeguarding lane's figures published. */
  complete: boolean
  /** The clause the lane cites: withheld from `byClause` with the lane's figures. */
  safeguardingClause: string | null
  commentsReceived: number
  reportsReceived: number
  /** Every log row decided in the month. */
  monthRows: LogRow[]
  /** The later rows of the comments held or hidden in the month (for their first human decision). */
  laterRows: LogRow[]
}

/** The month's report: counts and medians only. */
export const summariseTransparency = (input: TransparencyInput) => {
  const byComment = new Map<string, LogRow[]>()
  for (const row of [...input.monthRows, ...input.laterRows].sort((a, b) =>
    a.decidedAt.localeCompare(b.decidedAt),
  ))
    byComment.set(row.comment, [...(byComment.get(row.comment) ?? []), row])

  const rows = input.monthRows
  const held = rows.filter((row) => row.source === 'rules' && row.to === COMMENT_STATUS.pending)
  const safeguarding = held.filter((row) => row.rules.includes(RULE.safeguarding))
  const lane = waitFor(safeguarding, byComment)
  const publishLane = input.complete && lane.held >= SAFEGUARDING_MIN_PUBLISHED
  // Withheld, the lane's clause leaves the clause counts of the lane's own decisions too.
  const publicClauses = (row: LogRow) =>
    publishLane || !row.rules.includes(RULE.safeguarding)
      ? row.clauses
      : row.clauses.filter((clause) => clause !== input.safeguardingClause)
  const appeals = rows.filter((row) => row.source === 'appeal')
  const appealDecisions = appeals.filter((row) => row.from === COMMENT_STATUS.pending)
  const hidden = rows.filter((row) => row.source === 'reports')
  const reportOutcomes = hidden.map((row) => nextHumanDecision(row, byComment)?.to)

  return {
    month: input.month,
    commentsReceived: input.commentsReceived,
    decisions: {
      total: rows.length,
      byStatus: countBy(
        rows.map((row) => row.to),
        'status',
      ),
      byClause: countBy(rows.flatMap(publicClauses), 'clause'),
    },
    timeToDecision: {
      allHeld: waitFor(held, byComment),
      safeguarding: publishLane ? { ...lane, withheld: false } : WITHHELD_LANE,
    },
    appeals: {
      filed: appeals.filter(
        (row) => row.from === COMMENT_STATUS.rejected && row.to === COMMENT_STATUS.pending,
      ).length,
      [APPEAL_STATUS.overturned]: appealDecisions.filter(
        (row) => row.to === COMMENT_STATUS.approved,
      ).length,
      [APPEAL_STATUS.upheld]: appealDecisions.filter(
        (row) => row.to === COMMENT_STATUS.rejected || row.to === COMMENT_STATUS.spam,
      ).length,
    },
    reports: {
      received: input.reportsReceived,
      commentsHidden: hidden.length,
      upheld: reportOutcomes.filter(
        (to) => to === COMMENT_STATUS.rejected || to === COMMENT_STATUS.spam,
      ).length,
      notUpheld: reportOutcomes.filter((to) => to === COMMENT_STATUS.approved).length,
      awaitingDecision: reportOutcomes.filter((to) => to === undefined).length,
    },
  }
}

export type TransparencyReport = ReturnType<typeof summariseTransparency>
