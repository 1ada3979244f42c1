import { SLUGS } from '@collections/slugs'
import type { TaskConfig } from 'payload'

import { NETWORK_EXPORTS_QUEUE, TASK_EXPIRE_NETWORK_EXPORTS } from '../constants'
import { deleteExportFile } from '../storage'

/**
 * Every minute, in the `network-exports` queue: exports whose time is up lose their ZIP and are
 * marked expired. The export itself stays (who asked, when, why) until an admin deletes it.
 */
export const expireExportsTask = (): TaskConfig<{ input: object; output: object }> => ({
  slug: TASK_EXPIRE_NETWORK_EXPORTS,
  label: 'Network exports: delete expired files',
  schedule: [{ cron: '* * * * *', queue: NETWORK_EXPORTS_QUEUE }],
  handler: async ({ req }) => {
    const { docs } = await req.payload.find({
      collection: SLUGS.networkExports,
      where: {
        and: [
          { status: { equals: 'ready' } },
          { expiresAt: { less_than_equal: new Date().toISOString() } },
        ],
      },
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
    return { output: { expired: docs.length } }
  },
})
