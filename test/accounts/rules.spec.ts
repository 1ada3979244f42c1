import {
  createEmailChangeToken,
  EMAIL_CHANGE_INTERVAL_MS,
  EMAIL_CHANGE_LIFETIME_MS,
  emailChangeWaitMs,
  hashEmailChangeToken,
  isExpired,
  isPlausibleEmail,
  isWellFormedEmailChangeToken,
  normaliseEmail,
} from '@collections/Members/emailChange/rules'

import { maskEmail } from '@/email/maskEmail'

describe('maskEmail', () => {
  test.each([
    ['jane.doe@example.org', 'j***@e***.org'],
    ['a@b.co.uk', 'a***@b***.uk'],
    ['x@localhost', 'x***@l***'],
    ['not-an-address', '***'],
    [null, '(none)'],
  ])('%s → %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked)
  })
})

describe('email change rules', () => {
  test('tokens are 43 URL-safe characters, distinct, and stored only as a hash', () => {
    const token = createEmailChangeToken()
    expect(isWellFormedEmailChangeToken(token)).toBe(true)
    expect(createEmailChangeToken()).not.toBe(token)
    expect(hashEmailChangeToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashEmailChangeToken(token)).not.toContain(token)
    expect(isWellFormedEmailChangeToken('short')).toBe(false)
    expect(isWellFormedEmailChangeToken({ token })).toBe(false)
  })

  test('addresses are compared lower-cased and trimmed, and must look like addresses', () => {
    expect(normaliseEmail('  Jane@Example.ORG ')).toBe('jane@example.org')
    expect(normaliseEmail(42)).toBeNull()
    expect(isPlausibleEmail('jane@example.org')).toBe(true)
    expect(isPlausibleEmail('not an address')).toBe(false)
    expect(isPlausibleEmail(`${'a'.repeat(250)}@example.org`)).toBe(false)
  })

  test('a change without an expiry, or past it, has expired', () => {
    const now = new Date('2026-11-27T12:00:00Z')
    expect(isExpired(null, now)).toBe(true)
    expect(isExpired('2026-11-27T11:59:59Z', now)).toBe(true)
    expect(isExpired('2026-11-28T11:59:59Z', now)).toBe(false)
  })
})

describe('email change interval', () => {
  const now = Date.parse('2026-11-27T12:00:00.000Z')
  const askedAgo = (ms: number) => new Date(now - ms + EMAIL_CHANGE_LIFETIME_MS).toISOString()
  test.each([
    ['no pending change', null, 0],
    ['asked just now', askedAgo(0), EMAIL_CHANGE_INTERVAL_MS],
    ['asked a minute ago', askedAgo(60_000), EMAIL_CHANGE_INTERVAL_MS - 60_000],
    ['asked exactly one interval ago', askedAgo(EMAIL_CHANGE_INTERVAL_MS), 0],
    ['asked an hour ago', askedAgo(60 * 60_000), 0],
    ['an unreadable date', 'not a date', 0],
  ])('%s → waits %p ms', (_label, expiresAt, wait) => {
    expect(emailChangeWaitMs(expiresAt, now)).toBe(wait)
  })
})
