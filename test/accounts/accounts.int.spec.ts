/**
 * Accounts hardening of issue #9 over real HTTP against the express host in production mode
 * (SEED=false, as advised), one server for all: the first admin comes from ADMIN_EMAIL /
 * ADMIN_PASSWORD and first-register stays shut (item 9), GraphQL does not serve the auth mutations
 * (item 3), and a member's own email change waits for confirmation from the new address, with the
 * real SMTP server receiving the emails (item 2).
 */
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiDoc,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { startSmtpServer } from '../helpers/smtpServer'

const PASSWORD = 'member-password-123'
const profile = { profession: 'nurse', region: 'wales' }
const NEW_ADMIN = {
  email: 'first.admin@test.example.org',
  password: 'first-admin-password-1',
  name: 'First Admin',
}
const SQUATTER = {
  email: 'squatter@example.org',
  password: 'squatter-password-1',
  name: 'Squatter',
  ...profile,
}
const MEMBER = { email: 'gql.member@example.org', password: 'gql-member-password-1' }
const LOGIN_RATE_LIMIT = 40

let server: RunningServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let client: ReturnType<typeof api>
let adminToken: string
let editorToken: string

const createMember = async (name: string, email: string): Promise<ApiDoc> => {
  const created = await client.request('POST', '/api/members', {
    token: adminToken,
    json: { name, email, password: PASSWORD, ...profile },
  })
  expect(created.status).toBe(201)
  return created.body.doc as ApiDoc
}

const tokenIn = (text: string) =>
  text.match(/\/api\/members\/confirm-email\?token=([A-Za-z0-9_-]{43})/)?.[1]

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer('accounts', {
    SEED: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT),
  })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const editor = await client.request('POST', '/api/users', {
    token: adminToken,
    json: {
      name: 'Member Editor',
      email: 'member.editor@test.example.org',
      password: PASSWORD,
      roles: ['editor'],
    },
  })
  expect(editor.status).toBe(201)
  editorToken = await client.login('users', 'member.editor@test.example.org', PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('first admin with SEED=false and ADMIN_EMAIL/ADMIN_PASSWORD (item 9)', () => {
  test('is created on start', () => {
    expect(server.output()).toContain(`Created the first admin ${ADMIN_EMAIL}`)
  })

  test('the configured admin exists and logs in', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const me = await client.request('GET', '/api/users/me', { token })
    expect(me.body.user?.roles).toEqual(['admin'])
  })

  test('first-register is refused for staff, with or without a setup token', async () => {
    for (const path of [
      '/api/users/first-register',
      '/api/users/first-register?setup=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const response = await client.request('POST', path, { json: NEW_ADMIN })
      expect(response.status).toBe(403)
    }
    const login = await client.request('POST', '/api/users/login', { json: NEW_ADMIN })
    expect(login.status).toBe(401)
  })

  test('members cannot register the first member of an empty collection', async () => {
    const response = await client.request('POST', '/api/members/first-register', { json: SQUATTER })
    expect(response.status).toBe(403)
    const members = await client.request('GET', '/api/members?limit=1', { token: adminToken })
    expect(members.body.totalDocs).toBe(0)
  })
})

const aliased = (count: number, field: string, args: string) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}(${args.replace('$i', String(i))}) { __typename }`).join(' ')} }`

describe('auth mutations over GraphQL (item 3)', () => {
  beforeAll(async () => {
    const created = await client.request('POST', '/api/members', {
      token: adminToken,
      json: { name: 'GraphQL Member', ...MEMBER, profession: 'nurse', region: 'wales' },
    })
    expect(created.status).toBe(201)
  })

  test('10 aliased loginMember attempts are refused, run nothing and lock nobody', async () => {
    const response = await client.graphql(
      aliased(10, 'loginMember', `email: "${MEMBER.email}", password: "wrong-$i"`),
    )
    expect(response.status).toBeLessThan(500)
    expect(response.body.data ?? null).toBeNull()
    const messages = (response.body.errors ?? []).map((error) => error.message)
    expect(messages).toHaveLength(10)
    expect(messages[0]).toMatch(/"loginMember" is not available over GraphQL/)

    // Ten wrong passwords would have locked the account (maxLoginAttempts 5): the right one still works.
    const login = await client.request('POST', '/api/members/login', { json: MEMBER })
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
    expect(response.body.errors?.[0]?.message).toMatch(
      new RegExp(`"${field}" is not available over GraphQL`),
    )
  })

  test('a logged-in member still reads meMember and refreshes over GraphQL', async () => {
    const token = await client.login('members', MEMBER.email, MEMBER.password)
    const me = await client.graphql('{ meMember { user { email } } }', token)
    expect(me.body.errors).toBeUndefined()
    expect((me.body.data?.meMember as { user: { email: string } }).user.email).toBe(MEMBER.email)
    const refreshed = await client.graphql(
      'mutation { refreshTokenMember { refreshedToken } }',
      token,
    )
    expect(refreshed.body.errors).toBeUndefined()
  })
})

describe("a member's own email change (item 2)", () => {
  test("is held until confirmed, so /me never reaches another address's subscription", async () => {
    const attacker = await createMember('Attacker', 'attacker@example.org')
    await createMember('Victim', 'victim@example.org')
    const victimToken = await client.login('members', 'victim@example.org', PASSWORD)
    expect(
      (
        await client.request('POST', '/api/subscribers/me', {
          token: victimToken,
          json: { topics: ['events'], frequency: 'weekly' },
        })
      ).status,
    ).toBe(201)

    const attackerToken = await client.login('members', 'attacker@example.org', PASSWORD)
    const patched = await client.request('PATCH', `/api/members/${attacker.id}`, {
      token: attackerToken,
      json: { email: 'Victim@Example.org', organisation: 'Elsewhere' },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({
      email: 'attacker@example.org',
      pendingEmail: 'victim@example.org',
      organisation: 'Elsewhere',
    })
    expect(patched.body.doc).not.toHaveProperty('pendingEmailTokenHash')
    expect(
      (await client.request('GET', '/api/members/me', { token: attackerToken })).body.user?.email,
    ).toBe('attacker@example.org')

    // The attacker's /me is the attacker's own (empty) subscription, and writing it leaves the victim's alone.
    expect(
      (await client.request('GET', '/api/subscribers/me', { token: attackerToken })).body,
    ).toMatchObject({ subscribed: false, topics: [] })
    expect(
      (
        await client.request('POST', '/api/subscribers/me', {
          token: attackerToken,
          json: { topics: ['blogs'], frequency: 'instant' },
        })
      ).status,
    ).toBe(201)
    expect(
      (await client.request('GET', '/api/subscribers/me', { token: victimToken })).body,
    ).toMatchObject({ subscribed: true, topics: ['events'], frequency: 'weekly' })

    // The link went to the address typed (the victim's), a notice to the attacker's own; neither can
    // move an address another member already has.
    const confirmation = await smtp.waitFor(
      (message) =>
        message.to.includes('victim@example.org') &&
        /confirm your new email/i.test(message.subject),
    )
    const notice = await smtp.waitFor(
      (message) =>
        message.to.includes('attacker@example.org') &&
        /change the email address/i.test(message.subject),
    )
    expect(tokenIn(notice.text)).toBeUndefined()
    expect(notice.text).not.toContain('victim@example.org')
    const taken = await client.request('POST', '/api/members/confirm-email', {
      json: { token: tokenIn(confirmation.text) },
    })
    expect(taken.status).toBe(409)
    expect(errorPaths(taken.body)).toContain('email')
    expect(
      (await client.request('GET', '/api/members/me', { token: attackerToken })).body.user?.email,
    ).toBe('attacker@example.org')
  })

  test('applies once the link sent to the new address is used, and the link works only once', async () => {
    const member = await createMember('Mover', 'mover.old@example.org')
    const token = await client.login('members', 'mover.old@example.org', PASSWORD)
    const patched = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: { email: 'mover.new@example.org' },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({
      email: 'mover.old@example.org',
      pendingEmail: 'mover.new@example.org',
    })

    const confirmation = await smtp.waitFor((message) =>
      message.to.includes('mover.new@example.org'),
    )
    const linkToken = tokenIn(confirmation.text)
    expect(linkToken).toBeDefined()
    // Opening the link (as mail scanners do) changes nothing: it shows a button.
    const page = await client.request('GET', `/api/members/confirm-email?token=${linkToken}`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/<form action="[^"]*\/api\/members\/confirm-email" method="post"/)
    expect((await client.request('GET', '/api/members/me', { token })).body.user?.email).toBe(
      'mover.old@example.org',
    )

    const confirmed = await client.request('POST', '/api/members/confirm-email', {
      json: { token: linkToken },
    })
    expect(confirmed.status).toBe(200)
    expect((await client.request('GET', '/api/members/me', { token })).body.user).toMatchObject({
      email: 'mover.new@example.org',
      pendingEmail: null,
    })
    await client.login('members', 'mover.new@example.org', PASSWORD)
    expect(
      (
        await client.request('POST', '/api/members/login', {
          json: { email: 'mover.old@example.org', password: PASSWORD },
        })
      ).status,
    ).toBe(401)

    const again = await client.request('POST', '/api/members/confirm-email', {
      json: { token: linkToken },
    })
    expect(again.status).toBe(400)
    expect(errorPaths(again.body)).toContain('token')
  })

  test('is held over GraphQL too', async () => {
    const member = await createMember('Graph', 'graph.old@example.org')
    const token = await client.login('members', 'graph.old@example.org', PASSWORD)
    const response = await client.graphql(
      `mutation { updateMember(id: ${member.id}, data: { email: "victim@example.org" }) { email pendingEmail } }`,
      token,
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.updateMember).toEqual({
      email: 'graph.old@example.org',
      pendingEmail: 'victim@example.org',
    })
  })

  test('a second change within minutes is refused (429 naming email), so a member cannot mail addresses at will', async () => {
    const member = await createMember('Eager', 'eager.old@example.org')
    const token = await client.login('members', 'eager.old@example.org', PASSWORD)
    const first = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: { email: 'eager.first@example.org' },
    })
    expect(first.status).toBe(200)
    const second = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: { email: 'eager.second@example.org' },
    })
    expect(second.status).toBe(429)
    expect(errorPaths(second.body)).toContain('email')
    const aliases = await client.graphql(
      `mutation { ${Array.from({ length: 5 }, (_, i) => `m${i}: updateMember(id: ${member.id}, data: { email: "eager.alias${i}@example.org" }) { pendingEmail }`).join(' ')} }`,
      token,
    )
    expect(aliases.body.errors?.length).toBe(5)
    const stored = await client.request('GET', `/api/members/${member.id}`, { token })
    expect(stored.body).toMatchObject({
      email: 'eager.old@example.org',
      pendingEmail: 'eager.first@example.org',
    })
  })

  test('an address that is not one is refused naming email', async () => {
    const member = await createMember('Typo', 'typo@example.org')
    const token = await client.login('members', 'typo@example.org', PASSWORD)
    const response = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: { email: 'not an address' },
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('email')
  })
})

describe("staff and a member's email and password (item 2)", () => {
  test("an editor's change of email is ignored and of password refused (403); the member is unchanged", async () => {
    const member = await createMember('Edited', 'edited@example.org')
    const email = await client.request('PATCH', `/api/members/${member.id}`, {
      token: editorToken,
      json: { email: 'hijack@example.org', organisation: 'NHS Wales' },
    })
    expect(email.status).toBe(200)
    expect(email.body.doc).toMatchObject({ email: 'edited@example.org', organisation: 'NHS Wales' })
    const password = await client.request('PATCH', `/api/members/${member.id}`, {
      token: editorToken,
      json: { password: 'editor-chosen-password' },
    })
    expect(password.status).toBe(403)
    await client.login('members', 'edited@example.org', PASSWORD)
    expect(
      (
        await client.request('POST', '/api/members/login', {
          json: { email: 'edited@example.org', password: 'editor-chosen-password' },
        })
      ).status,
    ).toBe(401)
  })

  test('an admin changes both at once, and the log records it without the addresses', async () => {
    const member = await createMember('Admin Edited', 'admin.edited@example.org')
    const email = await client.request('PATCH', `/api/members/${member.id}`, {
      token: adminToken,
      json: { email: 'admin.moved@example.org' },
    })
    expect(email.status).toBe(200)
    expect(email.body.doc).toMatchObject({ email: 'admin.moved@example.org' })
    const password = await client.request('PATCH', `/api/members/${member.id}`, {
      token: adminToken,
      json: { password: 'admin-chosen-password' },
    })
    expect(password.status).toBe(200)
    await client.login('members', 'admin.moved@example.org', 'admin-chosen-password')

    const deadline = Date.now() + 5000
    while (!server.output().includes('changed by staff') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.output()).toContain('changed by staff')
    expect(server.output()).toContain('"a***@e***.org"')
    expect(server.output()).not.toContain('admin.moved@example.org')
    expect(server.output()).not.toContain('victim@example.org')
  })
})

describe('patient identifiers in a profile (issue #14)', () => {
  test('an NHS number in a bio is refused on create (400 naming bio), and nothing is stored', async () => {
    const created = await client.request('POST', '/api/members', {
      token: adminToken,
      json: {
        name: 'Careless',
        email: 'careless@example.org',
        password: PASSWORD,
        ...profile,
        bio: 'I nurse Mr X (943 476 5919) on ward 4.',
      },
    })
    expect(created.status).toBe(400)
    expect(errorPaths(created.body)).toEqual(['bio'])
    expect(JSON.stringify(created.body)).toContain('NHS number')
    expect(JSON.stringify(created.body)).not.toContain('5919')
    const found = await client.request('GET', '/api/members?where[name][equals]=Careless', {
      token: adminToken,
    })
    expect(found.body.totalDocs).toBe(0)
  })

  test("a member's own update with an H&C number in organisation is refused (400 naming organisation)", async () => {
    const member = await createMember('Belfast', 'belfast@example.org')
    const token = await client.login('members', 'belfast@example.org', PASSWORD)
    const refused = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: { organisation: 'Ward 3, patient 320-123-4001', bio: 'Nurse in Belfast' },
    })
    expect(refused.status).toBe(400)
    expect(errorPaths(refused.body)).toEqual(['organisation'])
    expect(JSON.stringify(refused.body)).not.toContain('4001')
    const stored = await client.request('GET', `/api/members/${member.id}`, { token })
    expect(stored.body.organisation ?? null).toBeNull()
    expect(stored.body.bio ?? null).toBeNull()
    const fine = await client.request('PATCH', `/api/members/${member.id}`, {
      token,
      json: {
        organisation: 'Royal Victoria Hospital, 028 9024 0503',
        bio: 'Nurse since 2001-2003',
      },
    })
    expect(fine.status).toBe(200)
  })

  test('follows the comment policy: with the CHI check off, a CHI number (6-4) is accepted', async () => {
    const member = await createMember('Glasgow', 'glasgow@example.org')
    const setGuard = async (chiNumberGuard: boolean) => {
      const response = await client.request('POST', '/api/globals/comment-policy', {
        token: adminToken,
        json: { chiNumberGuard },
      })
      expect(response.status).toBe(200)
    }
    const update = () =>
      client.request('PATCH', `/api/members/${member.id}`, {
        token: adminToken,
        json: { bio: 'My CHI is 120356 1237' },
      })
    const refused = await update()
    expect(refused.status).toBe(400)
    expect(errorPaths(refused.body)).toEqual(['bio'])
    await setGuard(false)
    try {
      expect((await update()).status).toBe(200)
    } finally {
      await setGuard(true)
    }
  })
})

describe('REST login (item 3)', () => {
  test('is still limited per client address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < LOGIN_RATE_LIMIT + 1 && !statuses.includes(429); attempt++) {
      statuses.push(
        (
          await client.request('POST', '/api/members/login', {
            json: { email: 'nobody@example.org', password: 'wrong' },
          })
        ).status,
      )
    }
    expect(statuses).toContain(429)
  })
})
