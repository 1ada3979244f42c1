import { writeMayChangePublicReads } from '@/cache/publicWrites'

describe('writeMayChangePublicReads', () => {
  test.each([
    ['a blog update', { collection: 'blogs', data: { title: 'New' } }, true],
    ['a draft version', { collection: 'blogs', data: { version: { title: 'Draft' } } }, true],
    ['a member profile change', { collection: 'members', data: { name: 'New name' } }, true],
    ['a delete (no data)', { collection: 'comments' }, true],
    ['a global', { data: { clauses: [] } }, true],
    ['a password change with a profile field', { collection: 'members', data: { hash: 'x', salt: 'y', name: 'N' } }, true],
    ['a logout (the whole user, sessions removed)', { collection: 'members', data: { id: 1, name: 'N', sessions: [] } }, true],
    ['a job', { collection: 'payload-jobs', data: { processing: true } }, false],
    ['the scheduler\'s last-run record', { collection: 'payload-jobs-stats', data: { stats: {} } }, false],
    ['a document lock', { collection: 'payload-locked-documents', data: { document: 1 } }, false],
    ['admin preferences', { collection: 'payload-preferences', data: { value: {} } }, false],
    ['a login session (whole user, updatedAt: null)', { collection: 'users', data: { id: 1, email: 'a@b.c', sessions: [{ id: 's' }], updatedAt: null } }, false],
    ['failed login attempts', { collection: 'members', data: { loginAttempts: 2, lockUntil: null } }, false],
    ['a password reset token', { collection: 'users', data: { resetPasswordToken: 't', resetPasswordExpiration: 'd' } }, false],
  ])('%s → %s', (_name, write, expected) => {
    expect(writeMayChangePublicReads(write)).toBe(expected)
  })
})
