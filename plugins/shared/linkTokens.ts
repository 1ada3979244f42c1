import { createHash, randomBytes } from 'node:crypto'

/**
 * Single-use link tokens (confirmations, email changes, manage links): 32 random bytes, URL-safe.
 * Only a token's hash is stored, so a copy of the database yields no working link.
 */
export const createLinkToken = (): string => randomBytes(32).toString('base64url')

export const hashLinkToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex')

/** A token is 43 URL-safe characters; anything else is refused before touching the database. */
export const isWellFormedLinkToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
