import type { RunJobAccess } from 'payload'

import { checkRole } from './checkRole'

/**
 * Who may work the jobs queue through `GET /api/payload-jobs/run` (and `/handle-schedules`): admins
 * only. The server's own cron calls `payload.jobs.run()`, which overrides access.
 */
export const canRunJobs: RunJobAccess = ({ req }) => checkRole(['admin'], req.user)
