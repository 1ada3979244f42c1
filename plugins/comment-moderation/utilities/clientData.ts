import { keyedHash } from '@q-community/plugin-shared/deriveKey'

/** HKDF label of the key these hashes use: never the Payload secret itself, which signs login tokens. */
export const CLIENT_DATA_KEY_PURPOSE = 'comment-moderation/client-data'

/**
 * Client address and user agent are kept only as keyed hashes (HMAC with a key derived from the
 * Payload secret for this purpose alone): enough to spot floods from one address, useless for
 * finding who someone is, and never a signature valid anywhere else (a user agent is chosen by
 * the client, so an HMAC over it under the JWT key would be a forgeable login token).
 */
export const hashClientValue = (secret: string, value: string | null | undefined): string | null =>
  value ? keyedHash(secret, CLIENT_DATA_KEY_PURPOSE, value) : null
