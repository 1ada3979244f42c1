import type { Access, Where } from 'payload'

import { isStaffUser } from './checkRole'

/**
 * Admin-panel preferences: a staff user's own only. Members have no admin panel, so they get no
 * preferences at all (Payload's default would let them store any JSON under any key).
 */
export const ownPreferences: Access = ({ req }) => {
  const user = req.user
  if (!isStaffUser(user) || !user) return false
  const where: Where = {
    and: [
      { 'user.relationTo': { equals: user.collection } },
      { 'user.value': { equals: user.id } },
    ],
  }
  return where
}
