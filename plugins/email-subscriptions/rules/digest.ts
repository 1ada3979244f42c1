import { Cron } from 'croner'

const DAY_MS = 86_400_000

/** The most recent time the digest schedule fired at or before `now` (the cron read in `timeZone`). */
export const latestScheduledRun = (
  schedule: { cron: string; timeZone: string },
  now: Date,
): Date | null =>
  new Cron(schedule.cron, { timezone: schedule.timeZone }).previousRuns(1, now)[0] ?? null

/**
 * Whether the scheduled digest for `latestRun` is still to be sent: not yet covered by a digest and
 * recent enough (a server that was down at 08:00 catches up later that day, but a fresh install does
 * not send last Monday's digest).
 */
export const isDigestDue = (args: {
  latestRun: Date | null
  now: Date
  lastDigestEnd: Date | null
  catchUpHours?: number
}): boolean => {
  const { latestRun, now, lastDigestEnd, catchUpHours = 24 } = args
  if (!latestRun) return false
  if (now.getTime() - latestRun.getTime() > catchUpHours * 3_600_000) return false
  return !lastDigestEnd || latestRun.getTime() > lastDigestEnd.getTime()
}

/** The publications a digest ending at `end` covers: since the previous digest, at most the last 7 days. */
export const digestPeriod = (end: Date, lastDigestEnd: Date | null): { start: Date; end: Date } => {
  const weekBefore = new Date(end.getTime() - 7 * DAY_MS)
  const start = lastDigestEnd && lastDigestEnd > weekBefore ? lastDigestEnd : weekBefore
  return { start, end }
}

export type DigestCandidate = { topic: string; publishedAt: Date; key: string }

/**
 * The items one subscriber's digest lists: publications in their topics that their audience allows,
 * newest first. `allowed` is absent when no audience rule narrowed the item.
 */
export const digestItemsFor = <T extends DigestCandidate>(
  subscriber: { id: string; topics: readonly string[] },
  candidates: readonly T[],
  allowed: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): T[] =>
  candidates
    .filter((item) => subscriber.topics.includes(item.topic))
    .filter((item) => allowed.get(item.key)?.has(subscriber.id) ?? true)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
