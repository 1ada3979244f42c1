import { createHash, createHmac, randomBytes } from 'node:crypto'

/** A token for a link: 32 random bytes, URL-safe. Only its hash is stored. */
export const createToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens are 43 URL-safe characters; anything else is refused before touching the database. */
export const isWellFormedToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)

/**
 * The preferences/unsubscribe token every email carries. It is derived from the subscriber's random
 * `manageKey` and the server secret, so each email can carry it again while the database holds only
 * the key and the token's hash (a copy of the database alone yields no working link).
 */
export const manageTokenFor = (secret: string, manageKey: string): string =>
  createHmac('sha256', secret).update(`manage:${manageKey}`).digest('base64url')

/** A fresh manage key with the hash of its token, for a new subscriber or after an erase. */
export const newManageCredentials = (secret: string) => {
  const manageKey = createToken()
  const manageToken = manageTokenFor(secret, manageKey)
  return { manageKey, manageToken, manageTokenHash: hashToken(manageToken) }
}
