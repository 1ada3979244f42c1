import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'
import { parseCookies } from 'payload/shared'

/**
 * The one-time setup token that opens `first-register` while no staff account exists and no
 * ADMIN_EMAIL/ADMIN_PASSWORD are configured. Only its hash is kept, in Payload's key-value store
 * (the database), so the request that registers may reach any process of the same database; a new
 * start replaces it, and a successful registration deletes it.
 */
const KV_KEY = 'q-cms:first-admin-setup'

/** The admin's create-first-user form posts without our query string, so the link leaves a cookie. */
export const SETUP_COOKIE = 'q-cms-setup'
export const SETUP_QUERY = 'setup'
export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000

type StoredSetupToken = { hash: string; expiresAt: string }

const hashOf = (token: string) => createHash('sha256').update(token).digest()

export const isWellFormedSetupToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)

/** A fresh token (32 random bytes); any earlier one stops working. */
export const createSetupToken = async (payload: Payload, now = new Date()): Promise<string> => {
  const token = randomBytes(32).toString('base64url')
  const stored: StoredSetupToken = {
    hash: hashOf(token).toString('hex'),
    expiresAt: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
  }
  await payload.kv.set(KV_KEY, stored)
  return token
}

export const isValidSetupToken = async (
  payload: Payload,
  token: unknown,
  now = new Date(),
): Promise<boolean> => {
  if (!isWellFormedSetupToken(token)) return false
  const stored = await payload.kv.get<StoredSetupToken>(KV_KEY)
  if (!stored || new Date(stored.expiresAt) <= now) return false
  const expected = Buffer.from(stored.hash, 'hex')
  const actual = hashOf(token)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

export const clearSetupToken = (payload: Payload): Promise<void> => payload.kv.delete(KV_KEY)

/** The token a request carries: `?setup=` (API clients) or the cookie the setup link left (the admin UI). */
export const setupTokenOf = (req: PayloadRequest): string | undefined =>
  req.searchParams.get(SETUP_QUERY) ?? parseCookies(req.headers).get(SETUP_COOKIE) ?? undefined
