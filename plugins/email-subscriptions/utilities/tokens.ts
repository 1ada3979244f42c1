import { keyedHash } from '@q-community/plugin-shared/deriveKey'
import {
  createLinkToken,
  hashLinkToken,
  isWellFormedLinkToken,
} from '@q-community/plugin-shared/linkTokens'

/** HKDF labels of the plugin's keys (see plugins/shared/deriveKey.ts): one per purpose, never the Payload secret itself. */
export const KEY_PURPOSE = {
  manageToken: 'email-subscriptions/manage-token',
  consentAddress: 'email-subscriptions/consent-address',
} as const

/** Link tokens: 32 random bytes, URL-safe; only their hash is stored (plugins/shared/linkTokens.ts). */
export const createToken = createLinkToken
export const hashToken = hashLinkToken
export const isWellFormedToken = isWellFormedLinkToken

/**
 * The preferences/unsubscribe token every email carries. It is derived from the subscriber's random
 * `manageKey` and a key derived from the server secret for this purpose, so each email can carry it
 * again while the database holds only the key and the token's hash (a copy of the database alone
 * yields no working link).
 */
export const manageTokenFor = (secret: string, manageKey: string): string =>
  keyedHash(secret, KEY_PURPOSE.manageToken, `manage:${manageKey}`, 'base64url')

/** A fresh manage key with the hash of its token, for a new subscriber or after an erase. */
export const newManageCredentials = (secret: string) => {
  const manageKey = createToken()
  const manageToken = manageTokenFor(secret, manageKey)
  return { manageKey, manageToken, manageTokenHash: hashToken(manageToken) }
}

/** The client address in a consent record: a keyed hash, so the record proves consent without keeping the address. */
export const consentAddressHash = (secret: string, address: string | undefined): string | null =>
  address ? keyedHash(secret, KEY_PURPOSE.consentAddress, address) : null
