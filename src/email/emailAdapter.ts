import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import { settings } from '../config/settings'

/**
 * Real SMTP when `SMTP_HOST` is set. Otherwise no adapter: Payload logs each email instead of
 * sending it, and nothing reaches the network (nodemailerAdapter without a transport would create an
 * ethereal.email account online).
 */
export const emailAdapterFromEnv = (): Promise<EmailAdapter> | undefined => {
  const smtp = settings.smtp
  if (!smtp.host) return undefined
  return nodemailerAdapter({
    defaultFromAddress: settings.emailFrom.address,
    defaultFromName: settings.emailFrom.name,
    skipVerify: true,
    transportOptions: {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    },
  })
}
