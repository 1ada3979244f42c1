import type { Payload } from 'payload'

import { MANAGE_TOKEN_PLACEHOLDER } from '../constants'
import type { ManageLinks, OutgoingEmail, RenderedEmail, ResolvedSubscriptionOptions } from '../types'

/** The preferences and unsubscribe links for a manage token. */
export const manageLinks = (options: ResolvedSubscriptionOptions, manageToken: string): ManageLinks => ({
  preferencesURL: `${options.serverURL}/api/subscribers/preferences?token=${manageToken}`,
  unsubscribeURL: `${options.serverURL}/api/subscribers/unsubscribe?token=${manageToken}`,
})

/** Links carrying the placeholder, for content rendered once and personalised per subscriber. */
export const placeholderLinks = (options: ResolvedSubscriptionOptions) => manageLinks(options, MANAGE_TOKEN_PLACEHOLDER)

/** Puts one subscriber's token where the placeholder was rendered. */
export const personalise = (email: RenderedEmail, manageToken: string): RenderedEmail => ({
  subject: email.subject.replaceAll(MANAGE_TOKEN_PLACEHOLDER, manageToken),
  html: email.html.replaceAll(MANAGE_TOKEN_PLACEHOLDER, manageToken),
  text: email.text.replaceAll(MANAGE_TOKEN_PLACEHOLDER, manageToken),
})

/** An email to one subscriber, with the RFC 8058 one-click unsubscribe headers. */
export const subscriberEmail = (
  options: ResolvedSubscriptionOptions,
  args: { to: string; manageToken: string; email: RenderedEmail; messageId: string },
): OutgoingEmail => {
  const { unsubscribeURL } = manageLinks(options, args.manageToken)
  const mailto = options.unsubscribeMailto ? `, <mailto:${options.unsubscribeMailto}?subject=unsubscribe>` : ''
  return {
    ...args.email,
    to: args.to,
    ...(options.from ? { from: options.from } : {}),
    messageId: args.messageId,
    headers: {
      'List-Unsubscribe': `<${unsubscribeURL}>${mailto}`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/** A stable Message-ID for (mailing, subscriber): if a crash makes a resend unavoidable, receivers can recognise it. */
export const messageIdFor = (options: ResolvedSubscriptionOptions, key: string) =>
  `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${new URL(options.serverURL).hostname}>`

/** Sends through the host's transport when given, else the configured Payload email adapter. Throws on failure. */
export const sendEmail = async (payload: Payload, options: ResolvedSubscriptionOptions, message: OutgoingEmail): Promise<void> => {
  if (options.transport) await options.transport.sendMail(message)
  else await payload.sendEmail(message)
}

/** For emails sent from a request (confirmation): a failure is logged, never thrown into the response. */
export const sendEmailLoggingFailure = async (payload: Payload, options: ResolvedSubscriptionOptions, message: OutgoingEmail): Promise<boolean> => {
  try {
    await sendEmail(payload, options, message)
    return true
  } catch (err) {
    payload.logger.error({ err, msg: 'email-subscriptions: email not sent' })
    return false
  }
}
