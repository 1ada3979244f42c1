import type { Access, Where } from 'payload'

import { MEMBER_COLLECTION } from './roles'

/** A member's own connections, at either end. */
export const partyToConnection: Access = ({ req }) => {
  if (req.user?.collection !== MEMBER_COLLECTION) return false
  const where: Where = { or: [{ from: { equals: req.user.id } }, { to: { equals: req.user.id } }] }
  return where
}
