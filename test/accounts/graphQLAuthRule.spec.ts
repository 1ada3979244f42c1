import { buildSchema, parse, specifiedRules, validate } from 'graphql'

import { isRefusedAuthMutation, noAuthMutations } from '@/config/graphQLLimits'

const schema = buildSchema(`
  type Query { meMember: String, Posts: String }
  type Mutation {
    loginMember(email: String, password: String): String
    forgotPasswordUser(email: String): String
    resetPasswordMember(token: String, password: String): String
    unlockMember(email: String): String
    verifyEmailUser(token: String): String
    refreshTokenMember: String
    logoutMember: String
    updateMember(id: Int): String
    unlocked: String
  }
`)

const errorsFor = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, noAuthMutations]).map((error) => error.message)

describe('GraphQL auth mutations rule', () => {
  test.each([
    'loginMember',
    'loginUser',
    'forgotPasswordUser',
    'resetPasswordMember',
    'unlockMember',
    'verifyEmailUser',
  ])('refuses %s', (name) => {
    expect(isRefusedAuthMutation(name)).toBe(true)
  })

  test.each([
    'meMember',
    'refreshTokenMember',
    'logoutMember',
    'updateMember',
    'unlocked',
    'login',
  ])('lets %s through', (name) => {
    expect(isRefusedAuthMutation(name)).toBe(false)
  })

  test('every alias of a refused mutation is reported, and nothing else', () => {
    const aliases = Array.from(
      { length: 10 },
      (_, i) => `a${i}: loginMember(email: "x@example.org", password: "p${i}")`,
    ).join('\n')
    const errors = errorsFor(`mutation { ${aliases} logoutMember }`)
    expect(errors).toHaveLength(10)
    expect(errors[0]).toMatch(/"loginMember" is not available over GraphQL/)
  })

  test('a refused mutation inside a fragment on Mutation is reported', () => {
    expect(
      errorsFor(
        'mutation { ...F } fragment F on Mutation { forgotPasswordUser(email: "x@example.org") }',
      ),
    ).toHaveLength(1)
  })

  test('refresh, logout and ordinary mutations pass', () => {
    expect(errorsFor('mutation { refreshTokenMember logoutMember updateMember(id: 1) }')).toEqual(
      [],
    )
    expect(errorsFor('{ meMember Posts }')).toEqual([])
  })
})
