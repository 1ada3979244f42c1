import { withBookkeepingKeepingUpdatedAt, writeMayChangePublicReads } from '@/cache/publicWrites'

describe('writeMayChangePublicReads', () => {
  test.each([
    ['a blog update', { collection: 'blogs', data: { title: 'New' } }, true],
    ['a draft version', { collection: 'blogs', data: { version: { title: 'Draft' } } }, true],
    ['a member profile change', { collection: 'members', data: { name: 'New name' } }, true],
    ['a delete (no data)', { collection: 'comments' }, true],
    ['a global', { data: { clauses: [] } }, true],
    [
      'a password change with a profile field',
      { collection: 'members', data: { hash: 'x', salt: 'y', name: 'N' } },
      true,
    ],
    [
      'a logout (the whole user, sessions removed)',
      { collection: 'members', data: { id: 1, name: 'N', sessions: [] } },
      true,
    ],
    ['a job', { collection: 'payload-jobs', data: { processing: true } }, false],
    ['an anonymous subscribe', { collection: 'subscribers', data: { email: 'a@b.c' } }, false],
    [
      'an update email delivery',
      { collection: 'subscription-deliveries', data: { status: 'sent' } },
      false,
    ],
    [
      "the scheduler's last-run record",
      { collection: 'payload-jobs-stats', data: { stats: {} } },
      false,
    ],
    ['a document lock', { collection: 'payload-locked-documents', data: { document: 1 } }, false],
    ['admin preferences', { collection: 'payload-preferences', data: { value: {} } }, false],
    [
      'a login session (whole user, updatedAt: null)',
      {
        collection: 'users',
        data: { id: 1, email: 'a@b.c', sessions: [{ id: 's' }], updatedAt: null },
      },
      false,
    ],
    [
      'failed login attempts',
      { collection: 'members', data: { loginAttempts: 2, lockUntil: null } },
      false,
    ],
    [
      'a password reset token',
      { collection: 'users', data: { resetPasswordToken: 't', resetPasswordExpiration: 'd' } },
      false,
    ],
  ])('%s → %s', (_name, write, expected) => {
    expect(writeMayChangePublicReads(write)).toBe(expected)
  })
})

describe('withBookkeepingKeepingUpdatedAt', () => {
  test.each([
    [
      'a failed login (an increment)',
      { loginAttempts: { $inc: 1 } },
      { loginAttempts: { $inc: 1 }, updatedAt: null },
    ],
    [
      'a lock',
      { loginAttempts: 5, lockUntil: '2030-01-01T00:00:00.000Z' },
      { loginAttempts: 5, lockUntil: '2030-01-01T00:00:00.000Z', updatedAt: null },
    ],
    [
      'a password reset token',
      { resetPasswordToken: 't', resetPasswordExpiration: 'd' },
      { resetPasswordToken: 't', resetPasswordExpiration: 'd', updatedAt: null },
    ],
    ['a profile change, kept as it is', { name: 'New name' }, { name: 'New name' }],
    [
      'bookkeeping with a profile field, kept as it is',
      { loginAttempts: 0, name: 'N' },
      { loginAttempts: 0, name: 'N' },
    ],
    [
      'bookkeeping that sets updatedAt itself, kept as it is',
      { hash: 'h', salt: 's', updatedAt: '2030-01-01T00:00:00.000Z' },
      { hash: 'h', salt: 's', updatedAt: '2030-01-01T00:00:00.000Z' },
    ],
  ])('%s', (_name, data, expected) => {
    expect(withBookkeepingKeepingUpdatedAt(data)).toEqual(expected)
  })
})
