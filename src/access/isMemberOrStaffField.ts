import { SLUGS } from '@collections/slugs'
import type { FieldAccess } from 'payload'

import { isStaffUser } from './checkRole'

/** Members-only fields: readable by any logged-in member or staff user, never by the public. */
export const isMemberOrStaffField: FieldAccess = ({ req }) =>
  req.user?.collection === SLUGS.members || isStaffUser(req.user)
