import type { CollectionBeforeChangeHook } from 'payload'

import { SLUGS } from '../../slugs'

/**
 * A new address or password cancels erasure links still waiting: they were sent to the old address,
 * or asked for by whoever held the old password (a member who changes their password after a
 * break-in must not find their account erased by a link the intruder requested). Before the change,
 * because the password is gone from the data once hashed; after `holdEmailChangeUntilConfirmed`,
 * so that a member's own new address counts only once confirmed.
 */
export const cancelErasureOnCredentialChange: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const newAddress = typeof data.email === 'string' && data.email !== originalDoc.email
  const newPassword = typeof data.password === 'string' && data.password.length > 0
  if (!newAddress && !newPassword) return data
  await req.payload.update({
    collection: SLUGS.erasureRequests,
    where: { and: [{ member: { equals: originalDoc.id } }, { status: { equals: 'pending' } }] },
    data: { status: 'cancelled', tokenHash: null },
    overrideAccess: true,
    req,
  })
  return data
}
