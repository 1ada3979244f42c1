import type { Config, Plugin } from 'payload'

import { settings } from '@/config/settings'

import { NETWORK_EXPORTS_QUEUE } from './constants'
import { createExportEndpoint } from './endpoints/createExport'
import { downloadExportEndpoint } from './endpoints/downloadExport'
import { buildExportTask } from './tasks/buildExport'
import { expireExportsTask } from './tasks/expireExports'

/**
 * Network exports for evaluators, wired in one place: the request and download endpoints, the
 * build and expiry tasks, and the `network-exports` queue's own autoRun entry
 * (NETWORK_EXPORTS_QUEUE_CRON), so a long build never delays other queues. The `network-exports`
 * and `network-export-files` collections live in collections/ with the others.
 */
export const networkExportsPlugin =
  (): Plugin =>
  (incoming: Config): Config => {
    const jobs = incoming.jobs ?? {}
    const autoRun = jobs.autoRun
    // One build at a time per instance: a build holds the whole network in memory.
    const ownAutoRun = {
      cron: settings.networkExports.queueCron,
      queue: NETWORK_EXPORTS_QUEUE,
      limit: 1,
    }
    return {
      ...incoming,
      endpoints: [...(incoming.endpoints ?? []), createExportEndpoint, downloadExportEndpoint],
      jobs: {
        ...jobs,
        tasks: [...(jobs.tasks ?? []), buildExportTask(), expireExportsTask()],
        autoRun:
          typeof autoRun === 'function'
            ? async (payload) => [...(await autoRun(payload)), ownAutoRun]
            : [...(autoRun ?? []), ownAutoRun],
      },
    }
  }
