import type { FieldHook } from 'payload'

import { isStaffUser } from '@/access/checkRole'

/**
 * Staff may take a member out of the directory (safeguarding) but not put them back: being listed
 * is the member's own choice, so a staff write of `true` over the member's `false` keeps `false`.
 */
export const onlyMemberMayList: FieldHook = ({ value, originalDoc, operation, req }) =>
  operation === 'update' &&
  isStaffUser(req.user) &&
  value === true &&
  (originalDoc as { directoryVisible?: boolean } | undefined)?.directoryVisible === false
    ? false
    : value
