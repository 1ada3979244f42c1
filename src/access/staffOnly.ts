import type { Access, PayloadRequest } from 'payload'

import { errorResponse } from '../http/errorResponses'
import { hasStaffRole } from './hasStaffRole'

export type StaffOnlyMessages = {
  /** The 401 when nobody is logged in. */
  loggedOut: string
  /** The 403 when the user logged in is not allowed. */
  forbidden: string
}

const STAFF_ONLY_MESSAGES: StaffOnlyMessages = {
  loggedOut: 'Log in as staff to use this.',
  forbidden: 'Only staff can use this.',
}

/**
 * For custom endpoints, which Payload's collection access does not cover: null when `rule` (by
 * default any staff role; rules combine with `or`/`and`) lets the request through, otherwise the
 * 401 (nobody logged in) or 403 to answer with.
 */
export const staffOnly = async (
  req: PayloadRequest,
  rule: Access = hasStaffRole,
  messages: StaffOnlyMessages = STAFF_ONLY_MESSAGES,
): Promise<Response | null> => {
  if (!req.user) return errorResponse(401, messages.loggedOut)
  return (await rule({ req })) === true ? null : errorResponse(403, messages.forbidden)
}
