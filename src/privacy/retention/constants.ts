/** The retention tasks (Payload job task slugs), each recorded in `retention-runs`. */
export const RETENTION_TASKS = {
  unconfirmedSubscriptions: 'retentionUnconfirmedSubscriptions',
  erasureRecords: 'retentionErasureRecords',
  /** The comment plugin's own task, wrapped by the host so its runs are recorded too. */
  commentClientData: 'commentPurgeClientData',
} as const
export type RetentionTask = (typeof RETENTION_TASKS)[keyof typeof RETENTION_TASKS]

/** Days `retention-runs` rows are kept: enough to show months of runs, no more. */
export const RETENTION_RUNS_KEEP_DAYS = 90

/** When the host's retention tasks run (daily, at night, in the default queue). */
export const RETENTION_CRON = '0 15 3 * * *'

/** The erasure request statuses (helper A's `erasure-requests`). */
export const ERASURE_STATUS = {
  pending: 'pending',
  confirmed: 'confirmed',
  completed: 'completed',
  expired: 'expired',
  cancelled: 'cancelled',
} as const
