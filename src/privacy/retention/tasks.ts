import { GLOBAL_SLUGS } from '@collections/slugs'
import { deleteUnconfirmedSubscribers } from '@q-community/email-subscriptions/utilities'
import type { Config, Payload, TaskConfig } from 'payload'

import { RETENTION_CRON, RETENTION_TASKS, type RetentionTask } from './constants'
import { cutoff, periodDays } from './cutoffs'
import { purgeErasureRecords } from './erasureRecords'
import { recordRetentionRun } from './recordRetentionRun'

/** The defaults of the privacy settings, used until an admin saves the global. */
export const RETENTION_DEFAULTS = { unconfirmedSubscriptionDays: 30, erasureRecordsKeepDays: 30 }

const privacySettings = async (payload: Payload) => {
  const settings = await payload.findGlobal({
    slug: GLOBAL_SLUGS.privacySettings,
    depth: 0,
    overrideAccess: true,
  })
  return {
    unconfirmedSubscriptionDays: periodDays(
      settings.unconfirmedSubscriptionDays,
      RETENTION_DEFAULTS.unconfirmedSubscriptionDays,
    ),
    erasureRecordsKeepDays: periodDays(
      settings.erasureRecordsKeepDays,
      RETENTION_DEFAULTS.erasureRecordsKeepDays,
    ),
  }
}

/** The work of each host retention task: returns how many records it removed. */
export const RETENTION_WORK: Record<
  Exclude<RetentionTask, typeof RETENTION_TASKS.commentClientData>,
  (payload: Payload, now: Date) => Promise<number>
> = {
  [RETENTION_TASKS.unconfirmedSubscriptions]: async (payload, now) =>
    deleteUnconfirmedSubscribers(
      payload,
      cutoff(now, (await privacySettings(payload)).unconfirmedSubscriptionDays),
    ),
  [RETENTION_TASKS.erasureRecords]: async (payload, now) =>
    purgeErasureRecords(payload, now, (await privacySettings(payload)).erasureRecordsKeepDays),
}

const retentionTask = (slug: keyof typeof RETENTION_WORK, label: string): TaskConfig => ({
  slug,
  label,
  schedule: [{ cron: RETENTION_CRON, queue: 'default' }],
  handler: async ({ req }) => {
    const removed = await recordRetentionRun(req.payload, slug, () =>
      RETENTION_WORK[slug](req.payload, new Date()),
    )
    return { output: { removed } }
  },
})

/** The host's retention tasks, run nightly by the jobs queue (see src/jobs). */
export const retentionTasks: TaskConfig[] = [
  retentionTask(
    RETENTION_TASKS.unconfirmedSubscriptions,
    'Privacy: delete unconfirmed subscriptions',
  ),
  retentionTask(RETENTION_TASKS.erasureRecords, 'Privacy: expire and delete erasure requests'),
]

/** The count the comment plugin's purge reports (`output.purged`), 0 when it reports none. */
const purgedCount = (result: object): number => {
  const output = 'output' in result ? result.output : null
  const purged =
    typeof output === 'object' && output !== null && 'purged' in output ? output.purged : 0
  return typeof purged === 'number' ? purged : 0
}

/**
 * The comment plugin purges client data on its own schedule; the host wraps that task's handler so
 * each run is recorded in `retention-runs` like the host's own (the plugin stays unaware of it).
 */
export const recordCommentClientDataRuns = (config: Config): Config => ({
  ...config,
  jobs: {
    ...config.jobs,
    tasks: (config.jobs?.tasks ?? []).map((task) =>
      task.slug === RETENTION_TASKS.commentClientData && typeof task.handler === 'function'
        ? {
            ...task,
            handler: async (args) => {
              const original = task.handler
              if (typeof original !== 'function') return { output: {} }
              let result: Awaited<ReturnType<typeof original>> = { output: {} }
              await recordRetentionRun(
                args.req.payload,
                RETENTION_TASKS.commentClientData,
                async () => {
                  result = await original(args)
                  return purgedCount(result)
                },
              )
              return result
            },
          }
        : task,
    ),
  },
})
