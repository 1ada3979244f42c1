import { EMAIL_ADDRESS } from '@q-community/plugin-shared/emailAddress'
import {
  createLinkToken,
  hashLinkToken,
  isWellFormedLinkToken,
} from '@q-community/plugin-shared/linkTokens'

/**
 * A member's own change of address, held until it is confirmed from the new address (Ghost's
 * single-token model): the token goes only into the email, the database keeps its hash, it works
 * once and expires.
 */
export const EMAIL_CHANGE_LIFETIME_MS = 24 * 60 * 60 * 1000
/** Each request emails an address the member typed: one per member per this interval, or a member could mail anyone at will. */
export const EMAIL_CHANGE_INTERVAL_MS = 5 * 60 * 1000

/**
 * Milliseconds until a member may ask for another email change, or 0: the previous request is
 * dated by its link's expiry (`pendingEmailExpiresAt` = asked at + lifetime).
 */
export const emailChangeWaitMs = (
  pendingExpiresAt: string | null | undefined,
  now: number,
): number => {
  if (!pendingExpiresAt) return 0
  const askedAt = new Date(pendingExpiresAt).getTime() - EMAIL_CHANGE_LIFETIME_MS
  return Number.isNaN(askedAt) ? 0 : Math.max(0, askedAt + EMAIL_CHANGE_INTERVAL_MS - now)
}

/** `req.context` key: set by the confirm endpoint, so its own update is not held back again. */
export const APPLYING_CONFIRMED_EMAIL_CHANGE = 'applyingConfirmedEmailChange'
/** `req.context` key: the change requested in this request, by member id, for the email hook. */
export const REQUESTED_EMAIL_CHANGES = 'requestedEmailChanges'

export type RequestedEmailChange = {
  token: string
  newEmail: string
  oldEmail: string
  expiresAt: string
}

export const EMAIL_CHANGE_MESSAGES = {
  invalidEmail: 'Enter a valid email address.',
  tooSoon:
    'You asked to change your email address a moment ago: use the link we sent, or try again in a few minutes.',
  invalidToken:
    'This link is not valid: it was used already, has expired or was replaced by a newer request. Change your address again to get a new one.',
  taken: 'This address already belongs to another account.',
  passwordAdminsOnly: "Only admins may set a member's password.",
} as const

export const normaliseEmail = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim().toLowerCase() : null

export const isPlausibleEmail = (value: string): boolean =>
  value.length <= 254 && EMAIL_ADDRESS.test(value)

export const createEmailChangeToken = createLinkToken
export const hashEmailChangeToken = hashLinkToken
export const isWellFormedEmailChangeToken = isWellFormedLinkToken

export const isExpired = (expiresAt: string | null | undefined, now = new Date()): boolean =>
  !expiresAt || new Date(expiresAt) <= now
