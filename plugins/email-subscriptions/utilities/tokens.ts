import { createHash, createHmac, randomBytes } from 'node:crypto'

import { deriveKey } from '@q-community/plugin-shared/deriveKey'

/** HKDF labels of the plugin's keys (see plugins/shared/deriveKey.ts): one per purpose, never the Payload secret itself. */
export const KEY_PURPOSE = {
  manageToken: 'email-subscriptions/manage-token',
  consentAddress: 'email-subscriptions/consent-address',
} as const

/** A token for a link: 32 random bytes, URL-safe. Only its hash is stored. */
export const createToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens are 43 URL-safe characters; anything else is refused before touching the database. */
export const isWellFormedToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)

/**
 * The preferences/unsubscribe token every email carries. It is derived from the subscriber's random
 * `manageKey` and a key derived from the server secret for this purpose, so each email can carry it
 * again while the database holds only the key and the token's hash (a copy of the database alone
 * yields no working link).
 */
export const manageTokenFor = (secret: string, manageKey: string): string =>
  createHmac('sha256', deriveKey(secret, KEY_PURPOSE.manageToken))
    .update(`manage:${manageKey}`)
    .digest('base64url')

/** A fresh manage key with the hash of its token, for a new subscriber or after an erase. */
export const newManageCredentials = (secret: string) => {
  const manageKey = createToken()
  const manageToken = manageTokenFor(secret, manageKey)
  return { manageKey, manageToken, manageTokenHash: hashToken(manageToken) }
}

/** The client address in a consent record: a keyed hash, so the record proves consent without keeping the address. */
export const consentAddressHash = (secret: string, address: string | undefined): string | null =>
  address
    ? createHmac('sha256', deriveKey(secret, KEY_PURPOSE.consentAddress))
        .update(address)
        .digest('hex')
    : null
