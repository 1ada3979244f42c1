import type { CollectionBeforeDeleteHook } from 'payload'

import { SLUGS } from '../../slugs'

/**
 * A deleted member's connections go with them, in the same transaction. A connection needs both
 * ends (`from` and `to` are required, NOT NULL on PostgreSQL), so leaving them made the delete of
 * any connected member fail with a 500 there.
 */
export const deleteConnections: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: SLUGS.connections,
    where: { or: [{ from: { equals: id } }, { to: { equals: id } }] },
    overrideAccess: true,
    req,
  })
}
