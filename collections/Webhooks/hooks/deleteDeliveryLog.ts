import type { CollectionBeforeDeleteHook } from 'payload'

import { SLUGS } from '../../slugs'

/** A deleted webhook takes its delivery log with it, in its transaction and before the row goes (the database would otherwise set the log's references to null). */
export const deleteDeliveryLog: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: SLUGS.webhookDeliveries,
    where: { webhook: { equals: id } },
    overrideAccess: true,
    req,
  })
}
