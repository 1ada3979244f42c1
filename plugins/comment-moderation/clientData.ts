import { createHmac } from 'node:crypto'

/**
 * Client address and user agent are kept only as keyed hashes (HMAC with the Payload secret):
 * enough to spot floods from one address, useless for finding who someone is.
 */
export const hashClientValue = (secret: string, value: string | null | undefined): string | null =>
  value ? createHmac('sha256', secret).update(value).digest('hex') : null
