import type { JobsConfig } from 'payload'

import { canRunJobs } from '../access/canRunJobs'
import { settings } from '../config/settings'
import { retentionTasks } from '../privacy/retention/tasks'

/**
 * Scheduled publishing (and later email fan-out) runs in Payload's jobs queue. The queue is worked
 * every minute (JOBS_CRON) in the process started with `cron: true` (the express host), unless
 * JOBS_AUTORUN=false. Several instances may all work it: see clusterSafeJobs.
 */
export const jobsConfig: JobsConfig = {
  // Payload's default lets any logged-in user (members too) run, queue or cancel jobs over HTTP
  // (`GET /api/payload-jobs/run`). Only admins may; the cron and the Local API override access.
  access: { run: canRunJobs, queue: canRunJobs, cancel: canRunJobs },
  autoRun: [{ cron: settings.jobsCron, queue: 'default', limit: 100 }],
  shouldAutoRun: () => settings.runJobs,
  // Nightly deletion of personal data past its period (src/privacy/retention).
  tasks: retentionTasks,
}
