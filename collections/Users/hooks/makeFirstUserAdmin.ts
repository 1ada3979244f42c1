import type { CollectionBeforeChangeHook } from 'payload'

import { SLUGS } from '../../slugs'

/** The first staff account ever created becomes an admin, whatever roles were asked for. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({
    collection: SLUGS.users,
    overrideAccess: true,
    req,
  })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
