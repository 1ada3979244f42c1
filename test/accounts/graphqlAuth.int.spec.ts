/**
 * Item 3 of issue #9: GraphQL must not be a way around the login limits. Aliases let one request
 * carry any number of login attempts; the auth mutations are therefore refused before they run.
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, api, type RunningServer, startServer } from '../helpers/server'

const MEMBER = { email: 'gql.member@example.org', password: 'gql-member-password-1' }
const LOGIN_RATE_LIMIT = 6

let server: RunningServer
let client: ReturnType<typeof api>

beforeAll(async () => {
  server = await startServer('accounts-graphql', { SEED: 'false', LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT) })
  client = api(server.url)
  const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD) // REST login 1
  const created = await client.request('POST', '/api/members', {
    token: adminToken,
    json: { name: 'GraphQL Member', ...MEMBER, profession: 'nurse', region: 'wales' },
  })
  expect(created.status).toBe(201)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const aliased = (count: number, field: string, args: string) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}(${args.replace('$i', String(i))}) { __typename }`).join(' ')} }`

describe('auth mutations over GraphQL', () => {
  test('10 aliased loginMember attempts are refused, run nothing and lock nobody', async () => {
    const response = await client.graphql(aliased(10, 'loginMember', `email: "${MEMBER.email}", password: "wrong-$i"`))
    expect(response.status).toBeLessThan(500)
    expect(response.body.data ?? null).toBeNull()
    const messages = (response.body.errors ?? []).map((error) => error.message)
    expect(messages).toHaveLength(10)
    expect(messages[0]).toMatch(/"loginMember" is not available over GraphQL/)

    // Ten wrong passwords would have locked the account (maxLoginAttempts 5): the right one still works.
    const login = await client.request('POST', '/api/members/login', { json: MEMBER }) // REST login 2
    expect(login.status).toBe(200)
  })

  test.each([
    ['loginUser', `email: "${ADMIN_EMAIL}", password: "wrong"`, 'exp'],
    ['forgotPasswordMember', `email: "${MEMBER.email}"`, null],
    ['resetPasswordMember', 'token: "x", password: "new-password-123"', 'token'],
    ['unlockMember', `email: "${MEMBER.email}"`, null],
  ])('%s is refused', async (field, args, selection) => {
    const query = `mutation { ${field}(${args})${selection ? ` { ${selection} }` : ''} }`
    const response = await client.graphql(query)
    expect(response.body.data ?? null).toBeNull()
    expect(response.body.errors?.[0]?.message).toMatch(new RegExp(`"${field}" is not available over GraphQL`))
  })

  test('a logged-in member still reads meMember and refreshes over GraphQL', async () => {
    const token = await client.login('members', MEMBER.email, MEMBER.password) // REST login 3
    const me = await client.graphql('{ meMember { user { email } } }', token)
    expect(me.body.errors).toBeUndefined()
    expect((me.body.data?.meMember as { user: { email: string } }).user.email).toBe(MEMBER.email)
    const refreshed = await client.graphql('mutation { refreshTokenMember { refreshedToken } }', token)
    expect(refreshed.body.errors).toBeUndefined()
  })

  test('REST login is still limited per client address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < LOGIN_RATE_LIMIT + 1 && !statuses.includes(429); attempt++) {
      statuses.push((await client.request('POST', '/api/members/login', { json: { email: 'nobody@example.org', password: 'wrong' } })).status)
    }
    expect(statuses).toContain(429)
  })
})
