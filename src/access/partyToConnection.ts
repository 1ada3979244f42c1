import { SLUGS } from '@collections/slugs'
import type { Access, Where } from 'payload'

/** A member's own connections, at either end. */
export const partyToConnection: Access = ({ req }) => {
  if (req.user?.collection !== SLUGS.members) return false
  const where: Where = { or: [{ from: { equals: req.user.id } }, { to: { equals: req.user.id } }] }
  return where
}
