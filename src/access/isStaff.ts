import type { Access, FieldAccess } from 'payload'

import { isStaffUser } from './checkRole'

/** Any logged-in staff user (admin, editor or moderator). */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)

export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user)
