import { SLUGS } from '@collections/slugs'
import type { TaskConfig } from 'payload'

import { EXPORT_MESSAGES, NETWORK_EXPORTS_QUEUE, TASK_EXPIRE_NETWORK_EXPORTS } from '../constants'
import { abandonedBuilds, expiredExports } from '../rules'
import { deleteExportFile } from '../storage'

/**
 * Every minute, in the `network-exports` queue: exports whose time is up lose their ZIP and are
 * marked expired; builds abandoned by a stopped server are marked failed. The export itself
 * stays (who asked, when, why) until an admin deletes it.
 */
export const expireExportsTask = (): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_EXPIRE_NETWORK_EXPORTS,
  label: 'Network exports: delete expired files',
  schedule: [{ cron: '* * * * *', queue: NETWORK_EXPORTS_QUEUE }],
  handler: async ({ req }) => {
    const now = new Date()
    const { docs } = await req.payload.find({
      collection: SLUGS.networkExports,
      where: expiredExports(now),
      select: { status: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const { id } of docs) {
      await deleteExportFile(req.payload, String(id))
      await req.payload.update({
        collection: SLUGS.networkExports,
        id,
        data: { status: 'expired' },
        overrideAccess: true,
        depth: 0,
      })
    }
    await req.payload.update({
      collection: SLUGS.networkExports,
      where: abandonedBuilds(now),
      data: { status: 'failed', error: EXPORT_MESSAGES.abandoned },
      overrideAccess: true,
      depth: 0,
    })
    return { output: { expired: docs.length } }
  },
})
