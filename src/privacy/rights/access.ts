import { SLUGS } from '@collections/slugs'
import type { PayloadRequest } from 'payload'

import { checkRole, isStaffUser } from '@/access/checkRole'
import { errorResponse } from '@/http/errorResponses'

import { ERASURE_MESSAGES } from './rules'

/** The logged-in member's id, or null. */
export const memberIdOf = (req: PayloadRequest): number | null =>
  req.user?.collection === SLUGS.members && typeof req.user.id === 'number' ? req.user.id : null

/** 401 for visitors; 403 for users who are not staff (`admins`: not admins). */
export const staffRefusal = (req: PayloadRequest, admins = false): Response | null => {
  if (!req.user) return errorResponse(401, 'Log in as staff to do this.')
  if (!isStaffUser(req.user)) return errorResponse(403, 'Only staff may do this.')
  if (admins && !checkRole(['admin'], req.user))
    return errorResponse(403, ERASURE_MESSAGES.adminsOnly)
  return null
}
