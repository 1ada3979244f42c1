import type { Access, Where } from 'payload'

import { isStaffUser } from './checkRole'

/** The staff user's own document locks (`payload-locked-documents.user` is polymorphic). */
export const ownLock: Access = ({ req }) => {
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
