import type { TaskConfig } from 'payload'

import { COMMENT_STATUS, COMMENTS_SLUG, JOBS_QUEUE, TASK } from '../constants'
import { moderatorAddresses, sendSafely } from '../email/notify'
import { moderatorAlertEmail } from '../email/templates'
import type { SanitizedOptions } from '../types'

/** Emails moderators the comments held since the last digest, then marks them as notified. */
export const moderatorDigestTask = (options: SanitizedOptions): TaskConfig => ({
  slug: TASK.moderatorDigest,
  schedule: [{ cron: options.digestSchedule, queue: JOBS_QUEUE }],
  handler: async ({ req }) => {
    const { payload } = req
    const { docs: held } = await payload.find({
      collection: COMMENTS_SLUG,
      where: {
        and: [
          { status: { equals: COMMENT_STATUS.pending } },
          { moderatorsNotifiedAt: { exists: false } },
        ],
      },
      sort: 'createdAt',
      limit: 200,
      depth: 0,
      overrideAccess: true,
    })
    if (held.length === 0) return { output: { notified: 0 } }
    await sendSafely(
      payload,
      await moderatorAddresses(payload, options),
      moderatorAlertEmail({
        heading: 'Comments waiting for moderation',
        comments: held.map((comment) => ({
          id: comment.id,
          body: String(comment.body),
          rules: heldByRules(comment.reasons),
          adminURL: `${payload.config.serverURL}/admin/collections/${COMMENTS_SLUG}/${comment.id}`,
        })),
      }),
    )
    await payload.update({
      collection: COMMENTS_SLUG,
      where: { id: { in: held.map((comment) => comment.id) } },
      data: { moderatorsNotifiedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    return { output: { notified: held.length } }
  },
})

/** The names of the rules that held a comment, from its stored `reasons`. */
const heldByRules = (reasons: unknown): string[] =>
  (Array.isArray(reasons) ? reasons : [])
    .map((reason: { rule?: unknown }) => (typeof reason.rule === 'string' ? reason.rule : ''))
    .filter(Boolean)
