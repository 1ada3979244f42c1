import type { Payload } from 'payload'

import type { SanitizedOptions } from '../types'
import type { RenderedEmail } from './templates'

/**
 * Sends one email; a failure is logged and never reaches the write that caused it. Resolves true
 * once the transport accepted it, false when there was nobody to send to or it failed, so a caller
 * can record that it was sent (and leave it for a later retry otherwise).
 */
export const sendSafely = async (
  payload: Payload,
  to: string | string[],
  email: Promise<RenderedEmail>,
): Promise<boolean> => {
  try {
    const recipients = Array.isArray(to) ? to : [to]
    if (recipients.length === 0) return false
    const { subject, html, text } = await email
    await payload.sendEmail({ to: recipients, subject, html, text })
    return true
  } catch (err) {
    payload.logger.error({ err, msg: 'comment-moderation: email not sent' })
    return false
  }
}

/** Moderators' addresses: the host's list, or every staff user the plugin counts as a moderator. */
export const moderatorAddresses = async (
  payload: Payload,
  options: SanitizedOptions,
): Promise<string[]> => {
  if (options.moderatorEmails) return options.moderatorEmails(payload)
  // Runs after the write has committed, so outside its transaction (no `req`).
  const { docs } = await payload.find({
    collection: options.staffCollection,
    limit: 500,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return docs
    .filter((user) => options.isModerator({ ...user, collection: options.staffCollection }))
    .map((user): unknown => user.email)
    .filter((email): email is string => typeof email === 'string' && Boolean(email))
}
