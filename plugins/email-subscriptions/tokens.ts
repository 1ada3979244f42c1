import { createHash, randomBytes } from 'node:crypto'

/** A token for a link: 32 random bytes, URL-safe. Only its hash is stored. */
export const createToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens are 43 URL-safe characters; anything else is refused before touching the database. */
export const isWellFormedToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
