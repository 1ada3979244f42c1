import type { Where } from 'payload'

import { TASK_DELIVER_WEBHOOK } from '../constants'

/** Margin over the request timeout before a claimed delivery counts as abandoned. */
export const STALE_CLAIM_MARGIN_MS = 5 * 60_000

/**
 * Delivery jobs claimed by a worker that died (a crash, a SIGKILL, a lost database connection):
 * still marked processing long after any attempt could have ended. Payload 3.90 never releases such
 * a claim, so without this the message would never be delivered.
 */
export const abandonedDeliveries = (now: Date, timeoutMs: number): Where => ({
  and: [
    { taskSlug: { equals: TASK_DELIVER_WEBHOOK } },
    { processing: { equals: true } },
    { completedAt: { exists: false } },
    {
      updatedAt: {
        less_than: new Date(now.getTime() - timeoutMs - STALE_CLAIM_MARGIN_MS).toISOString(),
      },
    },
  ],
})

/** Log rows older than the retention. */
export const expiredDeliveries = (now: Date, retentionDays: number): Where => ({
  createdAt: { less_than: new Date(now.getTime() - retentionDays * 86_400_000).toISOString() },
})
