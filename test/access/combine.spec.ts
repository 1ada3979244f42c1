import type { Access, AccessArgs, Where } from 'payload'

import { checkRole } from '@/access/checkRole'
import { and, or } from '@/access/combine'

const args = {} as AccessArgs
const grant: Access = () => true
const refuse: Access = () => false
const published: Where = { _status: { equals: 'published' } }
const visible: Where = { directoryVisible: { equals: true } }
const where =
  (w: Where): Access =>
  () =>
    w

describe('or', () => {
  test.each([
    ['any true wins over a Where', [where(published), grant], true],
    ['all false refuses', [refuse, refuse], false],
    ['a single Where passes through', [refuse, where(published)], published],
    [
      'several Wheres merge with or',
      [where(published), where(visible)],
      { or: [published, visible] },
    ],
    ['no rules refuses', [], false],
  ] as const)('%s', async (_name, rules, expected) => {
    await expect(or(...rules)(args)).resolves.toEqual(expected)
  })
})

describe('and', () => {
  test.each([
    ['any false refuses', [grant, refuse], false],
    ['all true grants', [grant, grant], true],
    ['true and a Where gives the Where', [grant, where(published)], published],
    [
      'several Wheres merge with and',
      [where(published), where(visible)],
      { and: [published, visible] },
    ],
    ['no rules grants', [], true],
  ] as const)('%s', async (_name, rules, expected) => {
    await expect(and(...rules)(args)).resolves.toEqual(expected)
  })
})

describe('checkRole', () => {
  test.each([
    ['an admin holds admin', { id: 1, collection: 'users', roles: ['admin'] }, ['admin'], true],
    [
      'an editor is not an admin',
      { id: 1, collection: 'users', roles: ['editor'] },
      ['admin'],
      false,
    ],
    [
      'any of several roles is enough',
      { id: 1, collection: 'users', roles: ['moderator'] },
      ['editor', 'moderator'],
      true,
    ],
    [
      'a member never holds a staff role, whatever its data says',
      { id: 1, collection: 'members', roles: ['admin'] },
      ['admin'],
      false,
    ],
    ['nobody holds a role', null, ['admin'], false],
  ] as const)('%s', (_name, user, roles, expected) => {
    expect(checkRole(roles, user as Parameters<typeof checkRole>[1])).toBe(expected)
  })
})
