import type { FieldAccess } from 'payload'

import { isStaffUser } from './checkRole'
import { SLUGS } from '@collections/slugs'

/** Members-only fields: readable by any logged-in member or staff user, never by the public. */
export const isMemberOrStaffField: FieldAccess = ({ req }) =>
  req.user?.collection === SLUGS.members || isStaffUser(req.user)
