/**
 * Which database writes can change what the public reads: a pure rule, unit-tested. Everything
 * not listed here counts, versions included (`?draft=true` reads the latest version of each
 * document, so saving a draft over a published document changes that answer).
 */
import { SLUGS } from '@collections/slugs'
import { DELIVERIES_SLUG, MAILINGS_SLUG, SUBSCRIBERS_SLUG } from '@q-community/email-subscriptions'

/** Payload's own bookkeeping (collections and globals): never part of a public response. */
export const PRIVATE_COLLECTIONS: ReadonlySet<string> = new Set([
  'payload-jobs',
  // The jobs runner records each scheduled task's last run here every few seconds.
  'payload-jobs-stats',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
  'payload-kv',
  // The update-email plugin's records: never readable by the public, and an anonymous subscribe
  // creates one, which must not empty the cache of every instance.
  SUBSCRIBERS_SLUG,
  MAILINGS_SLUG,
  DELIVERIES_SLUG,
  // Webhooks and their delivery log: admins only, written on every delivery attempt.
  SLUGS.webhooks,
  SLUGS.webhookDeliveries,
  // Privacy records: staff (and each member their own) only; retention runs are written nightly.
  SLUGS.consentRecords,
  SLUGS.retentionRuns,
])

/** Fields Payload's auth writes on login, logout and failed attempts; none is ever public. */
const AUTH_BOOKKEEPING = new Set([
  'sessions',
  'loginAttempts',
  'lockUntil',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'hash',
  'salt',
  '_verificationToken',
  'updatedAt',
])

export type DatabaseWrite = {
  /** The collection or global written. */
  collection?: string
  data?: unknown
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  Boolean(data) && typeof data === 'object' && !Array.isArray(data)

/** True when a write's data holds auth bookkeeping and nothing else (login attempts, locks, reset tokens). */
const isAuthBookkeepingOnly = (data: unknown): boolean => {
  if (!isRecord(data)) return false
  const keys = Object.keys(data)
  return keys.length > 0 && keys.every((key) => AUTH_BOOKKEEPING.has(key))
}

export const writeMayChangePublicReads = ({ collection, data }: DatabaseWrite): boolean => {
  if (collection && PRIVATE_COLLECTIONS.has(collection)) return false
  if (isRecord(data)) {
    // Payload adds a login session by writing the whole user back with `updatedAt: null`
    // ("only adding a session", auth/sessions.js): nothing a reader sees has changed.
    if (data.updatedAt === null && 'sessions' in data) return false
    if (isAuthBookkeepingOnly(data)) return false
  }
  return true
}

/**
 * The data of a write as it should reach the database. Auth bookkeeping does not invalidate the
 * read cache, which holds only while it leaves every public field alone; but the adapters stamp
 * `updatedAt` on any write that does not say otherwise, and a member's `updatedAt` is public. So
 * bookkeeping keeps `updatedAt` (`null` means "leave it", as Payload's own session writes say):
 * the cached copy stays true, and the public cannot watch someone try a member's password.
 */
export const withBookkeepingKeepingUpdatedAt = <T>(data: T): T =>
  isRecord(data) && isAuthBookkeepingOnly(data) && !('updatedAt' in data)
    ? ({ ...data, updatedAt: null } as T)
    : data
