import type { TaskConfig } from 'payload'

import { COMMENTS_SLUG, JOBS_QUEUE, TASK } from '../constants'
import type { SanitizedOptions } from '../types'

/** Erases hashed client addresses and user agents older than the retention period. */
export const purgeClientDataTask = (options: SanitizedOptions): TaskConfig => ({
  slug: TASK.purgeClientData,
  schedule: [{ cron: '0 30 3 * * *', queue: JOBS_QUEUE }],
  handler: async ({ req }) => {
    const before = new Date(Date.now() - options.clientDataRetentionDays * 86_400_000).toISOString()
    const result = await req.payload.update({
      collection: COMMENTS_SLUG,
      where: {
        and: [
          { createdAt: { less_than: before } },
          { or: [{ ipHash: { exists: true } }, { userAgentHash: { exists: true } }] },
        ],
      },
      data: { ipHash: null, userAgentHash: null },
      overrideAccess: true,
    })
    return { output: { purged: result.docs.length } }
  },
})
