import type { Payload } from 'payload'

import type { ResolvedSubscriptionOptions } from '../types'
import type { RenderedEmail } from './templates'

/**
 * Sends one email to a subscriber with RFC 8058 one-click unsubscribe headers. Failures are logged
 * and reported as `false`, never thrown into the request that caused them.
 */
export const sendToSubscriber = async (
  payload: Payload,
  options: ResolvedSubscriptionOptions,
  to: string,
  manageToken: string,
  email: RenderedEmail,
): Promise<boolean> => {
  const unsubscribeURL = `${options.serverURL}/api/subscribers/unsubscribe?token=${manageToken}`
  const mailto = options.unsubscribeMailto ? `, <mailto:${options.unsubscribeMailto}?subject=unsubscribe>` : ''
  try {
    await payload.sendEmail({
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: {
        'List-Unsubscribe': `<${unsubscribeURL}>${mailto}`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
    return true
  } catch (err) {
    payload.logger.error({ err, msg: 'email-subscriptions: email not sent' })
    return false
  }
}
