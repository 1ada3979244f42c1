import { and, eq, inArray } from 'drizzle-orm'
import type { Payload, Where } from 'payload'

import { settings } from '../config/settings'
import { getRedis } from '../redis/client'
import { tryLock } from '../redis/sharedState'

/**
 * Payload 3.90.1 claims jobs with a SELECT of runnable jobs (`processing = false`) followed by an
 * UPDATE of each by id (`@payloadcms/drizzle` `updateJobs`), in a READ COMMITTED transaction: two
 * processes working one queue can both select the same job and both run it. Here a claim becomes a
 * guarded UPDATE (`... WHERE id IN (...) AND processing = false RETURNING id`), committed at once,
 * so each job is claimed by exactly one process; the adapter then marks and returns just those.
 */
type UpdateJobsArgs = {
  id?: number | string
  data: Record<string, unknown>
  where?: Where
  limit?: number
  sort?: string | string[]
  req?: unknown
  returning?: boolean
}
type Column = Parameters<typeof eq>[0]
type JobsTable = Record<'id' | 'processing' | 'updatedAt', Column>
type ClaimingAdapter = {
  name: string
  updateJobs: (args: UpdateJobsArgs) => Promise<unknown[] | null>
  tableNameMap: Map<string, string>
  tables: Record<string, JobsTable>
  drizzle: {
    update: (table: object) => {
      set: (values: Record<string, unknown>) => {
        where: (where: unknown) => {
          returning: (fields: Record<string, Column>) => Promise<{ id: number | string }[]>
        }
      }
    }
  }
}

/** A claim is an update of runnable jobs (by `where`, not by id) to `processing: true`. */
export const isJobClaim = (args: Pick<UpdateJobsArgs, 'id' | 'data' | 'where'>): boolean =>
  args.id === undefined && args.data.processing === true && args.where !== undefined

const guardClaims = (payload: Payload): void => {
  // Drizzle adapter internals (tables, drizzle, a replaceable updateJobs) are not in Payload's types.
  const db = payload.db as unknown as ClaimingAdapter
  const tableName = db.tableNameMap?.get('payload_jobs')
  const table = tableName ? db.tables[tableName] : undefined
  if (!table) return
  const claim = db.updateJobs.bind(db)
  db.updateJobs = async (args) => {
    if (!isJobClaim(args)) return claim(args)
    const { docs: candidates } = await payload.db.find({
      collection: 'payload-jobs',
      where: args.where,
      limit: args.limit,
      sort: args.sort,
      pagination: false,
      select: { id: true },
    })
    if (!candidates.length) return []
    const claimed = await db.drizzle
      .update(table)
      .set({ processing: true, updatedAt: new Date().toISOString() })
      .where(
        and(
          inArray(
            table.id,
            candidates.map((job) => job.id),
          ),
          eq(table.processing, false),
        ),
      )
      .returning({ id: table.id })
    if (!claimed.length) return []
    return claim({
      ...args,
      where: { id: { in: claimed.map((job) => job.id) } },
      limit: claimed.length,
    })
  }
}

/**
 * With Redis, one instance at a time queues the scheduled jobs (`schedule` of tasks: the digests,
 * the maintenance task). Payload's check "is one queued already?" is a count before an insert, so
 * instances whose crons fire together would each queue one. An instance that finds the lock taken
 * skips this tick: the holder queues for everyone.
 */
const scheduleOnce = (payload: Payload): void => {
  const redis = getRedis()
  if (!redis) return
  const handleSchedules = payload.jobs.handleSchedules.bind(payload.jobs)
  payload.jobs.handleSchedules = async (args) => {
    const release = await tryLock(
      redis,
      `jobs:schedules:${args?.allQueues ? '*' : (args?.queue ?? 'default')}`,
      60_000,
    )
    if (!release) return { errored: [], queued: [], skipped: [] }
    try {
      return await handleSchedules(args)
    } finally {
      await release().catch(() => undefined)
    }
  }
}

/**
 * An instance started with JOBS_AUTORUN=false does not queue scheduled jobs either (Payload's cron
 * would, on every instance): without Redis, the one instance that works the queue schedules alone.
 */
const noSchedules = (payload: Payload): void => {
  payload.jobs.handleSchedules = async () => ({ errored: [], queued: [], skipped: [] })
}

/**
 * Makes the jobs queue safe to work from several instances of one PostgreSQL database (SQLite is
 * one process; MongoDB's adapter is not covered here).
 */
export const clusterSafeJobs = (payload: Payload): void => {
  if (!settings.runJobs) noSchedules(payload)
  if (payload.db.name !== 'postgres') return
  guardClaims(payload)
  if (settings.runJobs) scheduleOnce(payload)
}
