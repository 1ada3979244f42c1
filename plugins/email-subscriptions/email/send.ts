import type { Payload } from 'payload'

import { MANAGE_TOKEN_PLACEHOLDER } from '../constants'
import type { ManageLinks, OutgoingEmail, RenderedEmail, SanitizedOptions } from '../types'

/** The preferences and unsubscribe links for a manage token. */
export const manageLinks = (options: SanitizedOptions, manageToken: string): ManageLinks => ({
  preferencesURL: `${options.serverURL}/api/subscribers/preferences?token=${manageToken}`,
  unsubscribeURL: `${options.serverURL}/api/subscribers/unsubscribe?token=${manageToken}`,
})

/** Links carrying the placeholder, for content rendered once and personalised per subscriber. */
export const placeholderLinks = (options: SanitizedOptions) =>
  manageLinks(options, MANAGE_TOKEN_PLACEHOLDER)

/**
 * Puts one subscriber's token where the placeholder was rendered. The content is split at the
 * placeholder once per rendering (cached), so each of 10,000 emails is a join, not a search.
 */
const splitCache = new WeakMap<RenderedEmail, [string[], string[], string[]]>()
export const personalise = (email: RenderedEmail, manageToken: string): RenderedEmail => {
  let parts = splitCache.get(email)
  if (!parts) {
    parts = [
      email.subject.split(MANAGE_TOKEN_PLACEHOLDER),
      email.html.split(MANAGE_TOKEN_PLACEHOLDER),
      email.text.split(MANAGE_TOKEN_PLACEHOLDER),
    ]
    splitCache.set(email, parts)
  }
  const [subject, html, text] = parts
  return {
    subject: subject.join(manageToken),
    html: html.join(manageToken),
    text: text.join(manageToken),
  }
}

/** An email to one subscriber, with the RFC 8058 one-click unsubscribe headers. */
export const subscriberEmail = (
  options: SanitizedOptions,
  args: { to: string; manageToken: string; email: RenderedEmail; messageId: string },
): OutgoingEmail => {
  const { unsubscribeURL } = manageLinks(options, args.manageToken)
  const mailto = options.unsubscribeMailto
    ? `, <mailto:${options.unsubscribeMailto}?subject=unsubscribe>`
    : ''
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
export const messageIdFor = (options: SanitizedOptions, key: string) =>
  `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${hostnameOf(options.serverURL)}>`

const hostnames = new Map<string, string>()
const hostnameOf = (url: string) => {
  let hostname = hostnames.get(url)
  if (hostname === undefined) {
    hostname = new URL(url).hostname
    hostnames.set(url, hostname)
  }
  return hostname
}

/** Sends through the host's transport when given, else the configured Payload email adapter. Throws on failure. */
export const sendEmail = async (
  payload: Payload,
  options: SanitizedOptions,
  message: OutgoingEmail,
): Promise<void> => {
  if (options.transport) await options.transport.sendMail(message)
  else await payload.sendEmail(message)
}
