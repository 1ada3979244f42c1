import type { CollectionAfterChangeHook } from 'payload'

import { maskEmail } from '@/email/maskEmail'

import { REQUESTED_EMAIL_CHANGES, type RequestedEmailChange } from '../emailChange/rules'
import { emailChangeConfirmationEmail, emailChangeNoticeEmail } from '../emailChange/templates'

/**
 * Sends the confirmation link to the new address and a notice (no link) to the old one. Email never
 * fails the write: the member can ask again.
 */
export const sendEmailChangeConfirmation: CollectionAfterChangeHook = async ({
  doc,
  req,
  context,
}) => {
  const requestedChanges = context[REQUESTED_EMAIL_CHANGES] as
    Record<string, RequestedEmailChange> | undefined
  const change = requestedChanges?.[String(doc.id)]
  if (!change) return doc
  delete requestedChanges[String(doc.id)]

  const { payload } = req
  payload.logger.info({
    msg: 'member asked to change their email; confirmation sent to the new address',
    member: doc.id,
    from: maskEmail(change.oldEmail),
    to: maskEmail(change.newEmail),
  })
  const confirmURL = `${payload.config.serverURL}${payload.config.routes.api}/members/confirm-email?token=${change.token}`
  try {
    const confirmation = await emailChangeConfirmationEmail({
      name: doc.name,
      confirmURL,
      lifetimeHours: 24,
    })
    await payload.sendEmail({ to: change.newEmail, ...confirmation })
    if (change.oldEmail) {
      const notice = await emailChangeNoticeEmail({
        name: doc.name,
        maskedNewEmail: maskEmail(change.newEmail),
      })
      await payload.sendEmail({ to: change.oldEmail, ...notice })
    }
  } catch (err) {
    payload.logger.error({
      err,
      msg: 'could not send the email-change confirmation',
      member: doc.id,
    })
  }
  return doc
}
