import { createHmac, hkdfSync } from 'node:crypto'

/**
 * One key per purpose, derived from the Payload secret with HKDF-SHA256 (RFC 5869).
 *
 * Payload signs login JWTs (HS256) with `payload.secret` itself. An HMAC keyed with that same secret
 * over a value a client chooses (a user agent, a member id) is a JWT signature the client could
 * reuse, and one leaked hash would speak for every other use. So nothing here keys an HMAC with the
 * secret directly: each purpose gets its own key, `HKDF(secret, salt, purpose)`, which tells
 * nothing about the secret or about the keys of other purposes.
 *
 * Plugins pass `payload.secret` (they never import the host); the host does the same
 * (src/config/keys.ts). Purposes are namespaced labels such as `comment-moderation/client-data`.
 */
const SALT = 'q-cms/derived-keys/v1'

const cache = new Map<string, Buffer>()

export const deriveKey = (secret: string, purpose: string): Buffer => {
  if (!secret) throw new Error('deriveKey: the secret is empty')
  if (!purpose) throw new Error('deriveKey: name the purpose')
  const cacheKey = `${purpose}\u0000${secret}`
  let key = cache.get(cacheKey)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32))
    // One secret per process in practice; the bound only stops a misuse from growing the map.
    if (cache.size > 64) cache.clear()
    cache.set(cacheKey, key)
  }
  return key
}

/** An HMAC-SHA256 of `value` under the key derived for `purpose` (never under the secret itself). */
export const keyedHash = (
  secret: string,
  purpose: string,
  value: string,
  encoding: 'hex' | 'base64url' = 'hex',
): string => createHmac('sha256', deriveKey(secret, purpose)).update(value).digest(encoding)
