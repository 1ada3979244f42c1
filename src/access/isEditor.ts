import type { Access } from 'payload'

import { checkRole } from './checkRole'
import { CONTENT_ROLES } from './roles'

/** Admins and editors: the people who create, edit and publish content. */
export const isEditor: Access = ({ req }) => checkRole(CONTENT_ROLES, req.user)
