import type { JobsConfig } from 'payload'

import { settings } from '../config/settings'

/**
 * Scheduled publishing (and later email fan-out) runs in Payload's jobs queue. The queue is worked
 * every minute in the process started with `cron: true` (the express host), unless JOBS_AUTORUN=false.
 */
export const jobsConfig: JobsConfig = {
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 100 }],
  shouldAutoRun: () => settings.runJobs,
}
