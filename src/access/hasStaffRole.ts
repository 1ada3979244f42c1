import type { Access } from 'payload'

import { checkRole } from './checkRole'
import { STAFF_ROLES } from './roles'

/** Staff holding a role: admins, editors or moderators. */
export const hasStaffRole: Access = ({ req }) => checkRole(STAFF_ROLES, req.user)
