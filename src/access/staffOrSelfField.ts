import type { FieldAccess } from 'payload'

import { isStaffUser } from './checkRole'
import { selfFieldIn } from './self'

/** Field-level: staff, or the user reading their own document in `authCollection`. */
export const staffOrSelfFieldIn = (authCollection: string): FieldAccess => {
  const isSelf = selfFieldIn(authCollection)
  return (args) => isStaffUser(args.req.user) || Boolean(isSelf(args))
}
