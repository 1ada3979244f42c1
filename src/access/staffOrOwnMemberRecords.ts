import { SLUGS } from '@collections/slugs'
import type { Access } from 'payload'

import { isStaffUser } from './checkRole'

/**
 * Staff read every row; a member reads only rows about themself (`field` names the relationship to
 * the member). A `Where`, so lists are filtered by the database.
 */
export const staffOrOwnMemberRecords =
  (field: string): Access =>
  ({ req }) => {
    if (isStaffUser(req.user)) return true
    if (req.user?.collection !== SLUGS.members) return false
    return { [field]: { equals: req.user.id } }
  }
