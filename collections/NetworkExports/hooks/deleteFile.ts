import { SLUGS } from '@collections/slugs'
import type { CollectionAfterDeleteHook } from 'payload'

/** An export deleted by an admin takes its ZIP with it. */
export const deleteFile: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: SLUGS.networkExportFiles,
    where: { export: { equals: id } },
    req,
  })
}
