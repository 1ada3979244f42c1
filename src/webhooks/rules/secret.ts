import { randomBytes } from 'node:crypto'

/** Standard Webhooks secrets: `whsec_` and the base64 of 24 to 64 random bytes. */
export const SECRET_PREFIX = 'whsec_'
const SECRET_MIN_BYTES = 24
const SECRET_MAX_BYTES = 64
const GENERATED_SECRET_BYTES = 32

/** A new secret: 32 random bytes, as Standard Webhooks' reference libraries generate. */
export const generateWebhookSecret = (): string =>
  `${SECRET_PREFIX}${randomBytes(GENERATED_SECRET_BYTES).toString('base64')}`

/** Whether a secret someone typed is one a Standard Webhooks library accepts, and long enough. */
export const isValidWebhookSecret = (value: string): boolean => {
  if (!value.startsWith(SECRET_PREFIX)) return false
  const encoded = value.slice(SECRET_PREFIX.length)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return false
  const bytes = Buffer.from(encoded, 'base64').length
  return bytes >= SECRET_MIN_BYTES && bytes <= SECRET_MAX_BYTES
}
