import { Webhook } from 'standardwebhooks'

/** The three Standard Webhooks headers of one delivery attempt. */
export type SignatureHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs a body for one attempt with the webhook's secret (`whsec_…`). The id is the message's, the
 * same on every retry so that receivers can drop a message they already have; the timestamp is the
 * attempt's, because receivers refuse timestamps more than a few minutes old.
 */
export const signDelivery = (
  secret: string,
  messageId: string,
  body: string,
  at: Date,
): SignatureHeaders => ({
  'webhook-id': messageId,
  'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  'webhook-signature': new Webhook(secret).sign(messageId, at, body),
})
