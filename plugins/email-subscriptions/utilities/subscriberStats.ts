import { SUBSCRIBER_STATUS, type SubscriberStatus } from '../constants'

export type SubscriberRow = {
  status: string
  frequency: string
  topics?: string[] | null
  confirmedAt?: string | null
  unsubscribedAt?: string | null
}

export type SubscriberStats = {
  total: number
  byStatus: Record<SubscriberStatus, number>
  /** Confirmed subscribers per topic, split by frequency. */
  byTopic: Record<string, { instant: number; weekly: number }>
  /** Confirmed subscribers at the end of each of the last `weeks` weeks (oldest first). */
  growth: { at: string; confirmed: number }[]
}

const WEEK_MS = 7 * 86_400_000

/**
 * The admin overview's figures. Growth counts, at each week's end, those confirmed by then and not
 * unsubscribed by then (suppressed addresses count until today's figure, which has them out).
 */
export const subscriberStats = (
  rows: readonly SubscriberRow[],
  topics: readonly string[],
  now: Date,
  weeks = 26,
): SubscriberStats => {
  const byStatus = Object.fromEntries(
    Object.values(SUBSCRIBER_STATUS).map((status) => [status, 0]),
  ) as Record<SubscriberStatus, number>
  const byTopic = Object.fromEntries(topics.map((topic) => [topic, { instant: 0, weekly: 0 }]))
  for (const row of rows) {
    if (row.status in byStatus) byStatus[row.status as SubscriberStatus] += 1
    if (row.status !== SUBSCRIBER_STATUS.confirmed) continue
    for (const topic of row.topics ?? []) {
      const counts = byTopic[topic]
      if (counts && (row.frequency === 'instant' || row.frequency === 'weekly'))
        counts[row.frequency] += 1
    }
  }
  // Dates parsed once, not once per week.
  const spans = rows
    .filter((row) => row.confirmedAt)
    .map((row) => ({
      confirmed: Date.parse(row.confirmedAt ?? ''),
      unsubscribed: row.unsubscribedAt ? Date.parse(row.unsubscribedAt) : Number.POSITIVE_INFINITY,
      stillConfirmed: row.status === SUBSCRIBER_STATUS.confirmed,
    }))
  const growth = Array.from({ length: weeks }, (_, index) => {
    const end = now.getTime() - (weeks - 1 - index) * WEEK_MS
    const isToday = index === weeks - 1
    const confirmed = spans.filter(
      (span) =>
        span.confirmed <= end && span.unsubscribed > end && (!isToday || span.stillConfirmed),
    ).length
    return { at: new Date(end).toISOString().slice(0, 10), confirmed }
  })
  return { total: rows.length, byStatus, byTopic, growth }
}
