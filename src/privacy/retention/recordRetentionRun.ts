import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

import { RETENTION_RUNS_KEEP_DAYS, type RetentionTask } from './constants'
import { cutoff } from './cutoffs'

/** A run's error message, cut short: our own messages name no one, and a driver's stay brief. */
const errorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300)

/**
 * Runs one retention task's work (which returns how many records it removed) and records the run in
 * `retention-runs`, failed or not, then trims that log to RETENTION_RUNS_KEEP_DAYS. A failure is
 * rethrown after it is recorded, so Payload's job shows it too.
 */
export const recordRetentionRun = async (
  payload: Payload,
  task: RetentionTask,
  work: () => Promise<number>,
  now: () => Date = () => new Date(),
): Promise<number> => {
  const started = now()
  let removed = 0
  let failure: unknown = null
  try {
    removed = await work()
  } catch (error) {
    failure = error
  }
  await payload.create({
    collection: SLUGS.retentionRuns,
    data: {
      task,
      ranAt: started.toISOString(),
      ok: failure === null,
      removed,
      durationMs: Math.max(0, now().getTime() - started.getTime()),
      error: failure === null ? null : errorMessage(failure),
    },
    overrideAccess: true,
  })
  await payload.delete({
    collection: SLUGS.retentionRuns,
    where: { ranAt: { less_than: cutoff(started, RETENTION_RUNS_KEEP_DAYS).toISOString() } },
    overrideAccess: true,
  })
  if (failure !== null) throw failure
  return removed
}
