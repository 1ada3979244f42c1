import { deriveKey, keyedHash } from '@q-community/plugin-shared/deriveKey'

/**
 * The host's purposes for keys derived from the Payload secret (see plugins/shared/deriveKey.ts).
 * Payload's login JWTs keep `payload.secret` itself; nothing else is keyed with it.
 */
export const HOST_KEY_PURPOSE = {
  /** Public network figures name members by a keyed hash of their id. */
  networkPseudonym: 'q-cms/network-pseudonym',
} as const

export type HostKeyPurpose = (typeof HOST_KEY_PURPOSE)[keyof typeof HOST_KEY_PURPOSE]

export const hostKey = (secret: string, purpose: HostKeyPurpose): Buffer =>
  deriveKey(secret, purpose)

/** An HMAC of `value` under the host key for `purpose`. */
export const hostKeyedHash = (secret: string, purpose: HostKeyPurpose, value: string): string =>
  keyedHash(secret, purpose, value)
