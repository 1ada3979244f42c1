import { SLUGS } from '@collections/slugs'
import type { Payload, TaskConfig } from 'payload'

import { buildArchive } from '../buildArchive'
import { TASK_BUILD_NETWORK_EXPORT } from '../constants'
import { exportSettings } from '../exportSettings'
import { loadConsenting } from '../loadConsenting'
import { saveExportFile } from '../storage'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Each write commits on its own (no `req`, so no shared transaction): staff watching the edit view
 * see the progress while the build runs, and a failed build still records that it failed.
 */
const setExport = (payload: Payload, id: string, data: Record<string, unknown>) =>
  payload.update({ collection: SLUGS.networkExports, id, data, overrideAccess: true, depth: 0 })

/** Builds one export's ZIP (see buildArchive), stores it and marks the export ready. */
const build = async (payload: Payload, exportId: string) => {
  const doc = await payload.findByID({
    collection: SLUGS.networkExports,
    id: exportId,
    overrideAccess: true,
    depth: 0,
    disableErrors: true,
  })
  // Deleted meanwhile, or already built by an earlier run of this job.
  if (!doc || (doc.status !== 'queued' && doc.status !== 'building')) return
  await setExport(payload, exportId, { status: 'building', progress: 5 })
  const { k, keepDays } = await exportSettings(payload)
  const { members, connections } = await loadConsenting(payload)
  await setExport(payload, exportId, { progress: 10 })
  const archive = await buildArchive({
    exportId,
    createdAt: doc.createdAt,
    purpose: doc.purpose,
    k,
    pseudonymKey: String(doc.pseudonymKey),
    members,
    connections,
    period: { from: doc.from, to: doc.to },
    onProgress: async (progress) => void (await setExport(payload, exportId, { progress })),
  })
  await saveExportFile(payload, exportId, archive.zip)
  const readyAt = new Date()
  await setExport(payload, exportId, {
    status: 'ready',
    progress: 100,
    counts: archive.counts,
    sha256: archive.sha256,
    readyAt: readyAt.toISOString(),
    expiresAt: new Date(readyAt.getTime() + keepDays * DAY_MS).toISOString(),
  })
}

/** The build, on the `network-exports` queue; a build that throws marks its export failed. */
export const buildExportTask = (): TaskConfig<{ input: { exportId: string }; output: object }> => ({
  slug: TASK_BUILD_NETWORK_EXPORT,
  label: 'Network exports: build the ZIP of an export',
  inputSchema: [{ name: 'exportId', type: 'text', required: true }],
  retries: 0,
  handler: async ({ input, req }) => {
    try {
      await build(req.payload, input.exportId)
    } catch (error) {
      req.payload.logger.error({ err: error, exportId: input.exportId }, 'network export failed')
      await setExport(req.payload, input.exportId, {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'The build failed.',
      }).catch(() => undefined)
    }
    return { output: {} }
  },
})
