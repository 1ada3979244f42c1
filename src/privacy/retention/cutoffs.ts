const DAY_MS = 86_400_000

/** The instant `days` whole days before `now`: rows older than it are past their period. */
export const cutoff = (now: Date, days: number): Date => {
  if (!Number.isFinite(days) || days < 1) throw new Error('a retention period is at least one day')
  return new Date(now.getTime() - Math.floor(days) * DAY_MS)
}

/** The privacy settings' period, or its default when the global has no value yet. */
export const periodDays = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : fallback

/**
 * Final statuses: a request in one of them has done its work and is kept only as a short record.
 * `confirmed` is not final (the erasure itself has yet to run), so it is never deleted here.
 */
export const FINAL_ERASURE_STATUSES = ['completed', 'expired', 'cancelled'] as const

/** What happens to an erasure request at `now` (see the erasure-records task). */
export const erasureRequestFate = (
  request: { status: string; requestedAt?: string | null; expiresAt?: string | null },
  now: Date,
  keepDays: number,
): 'keep' | 'expire' | 'delete' => {
  if (request.status === 'pending')
    return request.expiresAt && new Date(request.expiresAt) < now ? 'expire' : 'keep'
  const final = FINAL_ERASURE_STATUSES.some((status) => status === request.status)
  return final && request.requestedAt && new Date(request.requestedAt) < cutoff(now, keepDays)
    ? 'delete'
    : 'keep'
}
