import type { FieldAccess } from 'payload'

import { isStaffUser } from './checkRole'
import { MEMBER_COLLECTION } from './roles'

/** Members-only fields: readable by any logged-in member or staff user, never by the public. */
export const isMemberOrStaffField: FieldAccess = ({ req }) =>
  req.user?.collection === MEMBER_COLLECTION || isStaffUser(req.user)
