import { APIError, type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { SLUGS } from '../../slugs'
import {
  APPLYING_CONFIRMED_EMAIL_CHANGE,
  createEmailChangeToken,
  EMAIL_CHANGE_LIFETIME_MS,
  EMAIL_CHANGE_MESSAGES,
  emailChangeWaitMs,
  hashEmailChangeToken,
  isPlausibleEmail,
  normaliseEmail,
  REQUESTED_EMAIL_CHANGES,
  type RequestedEmailChange,
} from '../emailChange/rules'

const noPendingChange = {
  pendingEmail: null,
  pendingEmailTokenHash: null,
  pendingEmailExpiresAt: null,
}

/**
 * A member's own new address is not applied: it would let anyone take over the subscription and
 * consent of whatever address they type. It is held as `pendingEmail` with the hash of a single-use
 * token that only a link sent to the new address carries (sendEmailChangeConfirmation). An admin's
 * change (field access keeps editors out) applies at once and voids any pending one.
 */
export const holdEmailChangeUntilConfirmed: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update' || !originalDoc || context[APPLYING_CONFIRMED_EMAIL_CHANGE])
    return data
  const requested = normaliseEmail(data.email)
  const current = normaliseEmail(originalDoc.email)
  if (!requested || requested === current) return data

  const user = req.user
  const isOwnChange =
    user?.collection === SLUGS.members && String(user.id) === String(originalDoc.id)
  if (!isOwnChange) return { ...data, ...noPendingChange }

  if (!isPlausibleEmail(requested)) {
    throw new ValidationError({
      collection: SLUGS.members,
      errors: [{ path: 'email', message: EMAIL_CHANGE_MESSAGES.invalidEmail }],
    })
  }
  if (emailChangeWaitMs(originalDoc.pendingEmailExpiresAt, Date.now()) > 0) {
    throw new APIError(
      EMAIL_CHANGE_MESSAGES.tooSoon,
      429,
      { errors: [{ path: 'email', message: EMAIL_CHANGE_MESSAGES.tooSoon }] },
      true,
    )
  }
  const token = createEmailChangeToken()
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_LIFETIME_MS).toISOString()
  const requestedChanges = (context[REQUESTED_EMAIL_CHANGES] ?? {}) as Record<
    string,
    RequestedEmailChange
  >
  requestedChanges[String(originalDoc.id)] = {
    token,
    newEmail: requested,
    oldEmail: current ?? '',
    expiresAt,
  }
  context[REQUESTED_EMAIL_CHANGES] = requestedChanges
  return {
    ...data,
    email: originalDoc.email,
    pendingEmail: requested,
    pendingEmailTokenHash: hashEmailChangeToken(token),
    pendingEmailExpiresAt: expiresAt,
  }
}
