import type { CollectionAfterChangeHook } from 'payload'

import { NETWORK_EXPORTS_QUEUE, TASK_BUILD_NETWORK_EXPORT } from '@/privacy/exports/constants'

/**
 * On create: queues the build in the same transaction (an export that is rolled back leaves no
 * job). The `network-exports` queue is worked by the host's cron (NETWORK_EXPORTS_QUEUE_CRON).
 */
export const queueBuild: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await req.payload.jobs.queue({
    task: TASK_BUILD_NETWORK_EXPORT,
    queue: NETWORK_EXPORTS_QUEUE,
    input: { exportId: String(doc.id) },
    req,
  })
  return doc
}
