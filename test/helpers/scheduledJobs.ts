import { createClient } from '@libsql/client'
import pg from 'pg'

/**
 * A job of one task as it was queued, read straight from the database: the REST API does not
 * show `payload-jobs` to anyone who could change them.
 */
export type QueuedJob = { id: number; waitUntil: Date }

/**
 * Moves the `waitUntil` of every job of `taskSlug` not yet completed to now, and returns every job
 * of that task with the time it was queued for (completed ones too: one scheduled for the very
 * next second may have run already). A test that scheduled something for a later minute uses it
 * so the real queue (its cron, the task, the write) runs it within a second instead of the test
 * waiting for the clock; the returned times let the test check what was scheduled first.
 */
export const bringWaitingJobsForward = async (
  databaseURL: string,
  taskSlug: string,
): Promise<QueuedJob[]> => {
  const now = new Date()
  if (databaseURL.startsWith('file:')) {
    const client = createClient({ url: databaseURL })
    try {
      const rows = await client.execute({
        sql: 'SELECT id, wait_until FROM payload_jobs WHERE task_slug = ? ORDER BY id',
        args: [taskSlug],
      })
      await client.execute({
        sql: 'UPDATE payload_jobs SET wait_until = ? WHERE task_slug = ? AND completed_at IS NULL',
        args: [now.toISOString(), taskSlug],
      })
      return rows.rows.map((row) => ({
        id: Number(row.id),
        waitUntil: new Date(String(row.wait_until)),
      }))
    } finally {
      client.close()
    }
  }
  const client = new pg.Client({ connectionString: databaseURL })
  await client.connect()
  try {
    const result = await client.query<{ id: number; wait_until: Date }>(
      'SELECT id, wait_until FROM payload_jobs WHERE task_slug = $1 ORDER BY id',
      [taskSlug],
    )
    await client.query(
      'UPDATE payload_jobs SET wait_until = $1 WHERE task_slug = $2 AND completed_at IS NULL',
      [now, taskSlug],
    )
    return result.rows.map((row) => ({ id: Number(row.id), waitUntil: new Date(row.wait_until) }))
  } finally {
    await client.end()
  }
}
