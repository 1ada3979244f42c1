import { createHmac, randomBytes } from 'node:crypto'

/** Bytes of a per-export pseudonym key. */
export const PSEUDONYM_KEY_BYTES = 32

/**
 * A fresh random key for one export (hex). Never derived from the host's secret: two exports use
 * unrelated keys, so their pseudonyms cannot be linked unless an admin hands a key over.
 */
export const newPseudonymKey = (): string => randomBytes(PSEUDONYM_KEY_BYTES).toString('hex')

/** HMAC-SHA256 of the member id under the export's key, as 20 hex characters (80 bits). */
export const exportPseudonym = (keyHex: string, memberId: string): string =>
  createHmac('sha256', Buffer.from(keyHex, 'hex'))
    .update(`member:${memberId}`)
    .digest('hex')
    .slice(0, 20)
