import type { CollectionBeforeDeleteHook } from 'payload'

import { SLUGS } from '../../slugs'

/**
 * A deleted member's consent history goes with them, in the same transaction: it is personal data,
 * and with the member gone there is nothing left it could prove. (Before the delete: the database
 * empties the relationship when the member row goes, and the rows could no longer be found.)
 */
export const deleteConsentRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: SLUGS.consentRecords,
    where: { member: { equals: id } },
    overrideAccess: true,
    req,
  })
}
