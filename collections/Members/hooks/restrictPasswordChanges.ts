import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { checkRole, isStaffUser } from '@/access/checkRole'

import { EMAIL_CHANGE_MESSAGES } from '../emailChange/rules'

/**
 * Editors may edit a member's profile but not set their password (that is taking over the account):
 * 403. Payload reads `password` before any field or collection hook runs, so this check sits in
 * beforeOperation. An admin's reset is logged. Members still change their own.
 */
export const restrictPasswordChanges: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update' || overrideAccess) return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (typeof data?.password !== 'string' || data.password === '' || !isStaffUser(req.user))
    return args
  if (!checkRole(['admin'], req.user))
    throw new APIError(EMAIL_CHANGE_MESSAGES.passwordAdminsOnly, 403, undefined, true)
  req.payload.logger.info({
    msg: "member's password set by an admin",
    member: (args as { id?: number | string }).id ?? '(several)',
    by: req.user?.id,
  })
  return args
}
