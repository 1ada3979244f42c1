import type { Access } from 'payload'
import { extractID } from 'payload/shared'

import { isStaffUser, type RequestUser } from './checkRole'
import { ownLock } from './ownLock'

type UserRef =
  | { relationTo?: unknown; value?: number | string | { id: number | string } | null }
  | null
  | undefined

/** True when a polymorphic `user` value names the logged-in staff user. */
export const namesUser = (ref: unknown, user: RequestUser): boolean => {
  if (!user || typeof ref !== 'object' || ref === null) return false
  const { relationTo, value } = ref as UserRef & object
  return (
    relationTo === user.collection &&
    value !== null &&
    value !== undefined &&
    String(extractID(value)) === String(user.id)
  )
}

/**
 * Writing a document lock: staff only, and only in their own name, so nobody can lock a document
 * as somebody else. Taking over a colleague's lock (the admin's "take over" button rewrites the
 * lock's `user` to the caller) is allowed; any other change is limited to the caller's own locks.
 */
export const lockInOwnName: Access = (args) => {
  const { req, data } = args
  if (!isStaffUser(req.user)) return false
  const user = (data as { user?: unknown } | undefined)?.user
  if (user === undefined) return ownLock(args)
  return namesUser(user, req.user)
}
