import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

/**
 * The ZIP bytes live in `network-export-files` (see that collection for why the database). Read
 * and written through the adapter: no hooks, no validation, nothing else loaded.
 */
export const saveExportFile = async (payload: Payload, exportId: string, zip: Uint8Array) => {
  await deleteExportFile(payload, exportId)
  await payload.db.create({
    collection: SLUGS.networkExportFiles,
    data: {
      export: exportId,
      bytes: zip.byteLength,
      base64: Buffer.from(zip).toString('base64'),
    },
  })
}

export const readExportFile = async (
  payload: Payload,
  exportId: string,
): Promise<Buffer | null> => {
  const row = await payload.db.findOne<{ id: number | string; base64?: string | null }>({
    collection: SLUGS.networkExportFiles,
    where: { export: { equals: exportId } },
  })
  return row?.base64 ? Buffer.from(row.base64, 'base64') : null
}

export const deleteExportFile = async (payload: Payload, exportId: string) => {
  await payload.db.deleteMany({
    collection: SLUGS.networkExportFiles,
    where: { export: { equals: exportId } },
  })
}
