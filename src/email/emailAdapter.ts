import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { createTransport, type Transporter } from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { settings } from '../config/settings'

/**
 * One pooled SMTP transport for the process, built with nodemailer ≥ 10.1 (the adapter's own
 * nodemailer 9 leaves Nagle's algorithm on: ~110 messages/s against ~2,000 with this one). Reusing
 * connections for many messages (`maxMessages`) avoids a pause each time one is retired.
 * `undefined` without `SMTP_HOST`.
 */
export const smtpTransportFromEnv = (): Transporter | undefined => {
  const smtp = settings.smtp
  if (!smtp.host) return undefined
  return createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    pool: true,
    maxConnections: 5,
    maxMessages: 1000,
  })
}

/**
 * Real SMTP when `SMTP_HOST` is set. Otherwise no adapter: Payload logs each email instead of
 * sending it, and nothing reaches the network (nodemailerAdapter without a transport would create an
 * ethereal.email account online).
 */
export const emailAdapterFromEnv = (
  transport: Transporter | undefined,
): Promise<EmailAdapter> | undefined => {
  if (!transport) return undefined
  return nodemailerAdapter({
    defaultFromAddress: settings.emailFrom.address,
    defaultFromName: settings.emailFrom.name,
    skipVerify: true,
    transport,
  })
}

/** The process's transport, shared by Payload's adapter and the subscriptions plugin's fan-out. */
export const smtpTransport = smtpTransportFromEnv()
