import type { CollectionAfterChangeHook } from 'payload'

import { isStaffUser } from '@/access/checkRole'
import { maskEmail } from '@/email/maskEmail'

/** An admin's change of a member's address is logged, with both addresses masked. */
export const logStaffEmailChange: CollectionAfterChangeHook = ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update' && isStaffUser(req.user) && previousDoc?.email !== doc.email) {
    req.payload.logger.info({
      msg: "member's email changed by staff",
      member: doc.id,
      by: req.user?.id,
      from: maskEmail(previousDoc?.email),
      to: maskEmail(doc.email),
    })
  }
  return doc
}
