/**
 * Which database writes can change what the public reads: a pure rule, unit-tested. Everything
 * not listed here counts, versions included (`?draft=true` reads the latest version of each
 * document, so saving a draft over a published document changes that answer).
 */

/** Payload's own bookkeeping (collections and globals): never part of a public response. */
export const PRIVATE_COLLECTIONS: ReadonlySet<string> = new Set([
  'payload-jobs',
  // The jobs runner records each scheduled task's last run here every few seconds.
  'payload-jobs-stats',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
  'payload-kv',
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

export const writeMayChangePublicReads = ({ collection, data }: DatabaseWrite): boolean => {
  if (collection && PRIVATE_COLLECTIONS.has(collection)) return false
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>
    // Payload adds a login session by writing the whole user back with `updatedAt: null`
    // ("only adding a session", auth/sessions.js): nothing a reader sees has changed.
    if (record.updatedAt === null && 'sessions' in record) return false
    const keys = Object.keys(record)
    if (keys.length > 0 && keys.every((key) => AUTH_BOOKKEEPING.has(key))) return false
  }
  return true
}
