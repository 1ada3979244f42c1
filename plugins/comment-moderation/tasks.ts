import type { TaskConfig } from 'payload'

import { COMMENT_STATUS, COMMENTS_SLUG } from './constants'
import { moderatorAddresses, sendSafely } from './email/notify'
import { moderatorAlertEmail } from './email/templates'
import type { ResolvedOptions } from './types'

type HeldRow = { id: number | string; body: string; reasons?: { rule?: string | null }[] | null }

/** Emails moderators the comments held since the last digest, then marks them as notified. */
export const moderatorDigestTask = (options: ResolvedOptions): TaskConfig => ({
  slug: 'commentModeratorDigest',
  schedule: [{ cron: options.digestSchedule, queue: 'default' }],
  handler: async ({ req }) => {
    const { payload } = req
    const { docs } = await payload.find({
      collection: COMMENTS_SLUG as never,
      where: { and: [{ status: { equals: COMMENT_STATUS.pending } }, { moderatorsNotifiedAt: { exists: false } }] },
      sort: 'createdAt',
      limit: 200,
      depth: 0,
      overrideAccess: true,
    })
    const held = docs as unknown as HeldRow[]
    if (held.length === 0) return { output: { notified: 0 } }
    await sendSafely(payload, await moderatorAddresses(payload, options), moderatorAlertEmail({
      heading: 'Comments waiting for moderation',
      comments: held.map((comment) => ({
        id: comment.id,
        body: comment.body,
        rules: (comment.reasons ?? []).map((reason) => reason.rule ?? '').filter(Boolean),
        adminURL: `${payload.config.serverURL}/admin/collections/comments/${comment.id}`,
      })),
    }))
    await payload.update({
      collection: COMMENTS_SLUG as never,
      where: { id: { in: held.map((comment) => comment.id) } },
      data: { moderatorsNotifiedAt: new Date().toISOString() } as never,
      overrideAccess: true,
    })
    return { output: { notified: held.length } }
  },
})

/** Erases hashed client addresses and user agents older than the retention period. */
export const purgeClientDataTask = (options: ResolvedOptions): TaskConfig => ({
  slug: 'commentPurgeClientData',
  schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const before = new Date(Date.now() - options.clientDataRetentionDays * 86_400_000).toISOString()
    const result = await req.payload.update({
      collection: COMMENTS_SLUG as never,
      where: { and: [{ createdAt: { less_than: before } }, { or: [{ ipHash: { exists: true } }, { userAgentHash: { exists: true } }] }] },
      data: { ipHash: null, userAgentHash: null } as never,
      overrideAccess: true,
    })
    return { output: { purged: result.docs.length } }
  },
})
