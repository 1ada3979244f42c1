/** A mailing or delivery claimed by a worker whose lease ran out was abandoned (the worker stopped). */
export const isLeaseExpired = (leaseUntil: string | Date | null | undefined, now: Date): boolean =>
  !leaseUntil || new Date(leaseUntil).getTime() < now.getTime()

/**
 * How long a mailing waits for its next attempt after a failed one: `delay × 2^(attempt-1)`, as
 * Payload's exponential backoff, plus the claim timeout before anyone else resumes it.
 */
export const leaseAfterFailure = (
  now: Date,
  attempt: number,
  retryDelayMs: number,
  claimTimeoutSeconds: number,
): Date =>
  new Date(
    now.getTime() + retryDelayMs * 2 ** Math.max(0, attempt - 1) + claimTimeoutSeconds * 1000,
  )
