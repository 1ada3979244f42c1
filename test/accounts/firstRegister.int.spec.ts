/**
 * Item 9 of issue #9: no window in which whoever comes first registers the first admin (or the first
 * member). Real HTTP against the express host in production mode, SEED=false as advised.
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, api, type RunningServer, startServer } from '../helpers/server'

const NEW_ADMIN = { email: 'first.admin@test.example.org', password: 'first-admin-password-1', name: 'First Admin' }
const MEMBER = { email: 'squatter@example.org', password: 'squatter-password-1', name: 'Squatter', profession: 'nurse', region: 'wales' }

const servers: RunningServer[] = []

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
})

describe('SEED=false with ADMIN_EMAIL/ADMIN_PASSWORD', () => {
  let client: ReturnType<typeof api>

  beforeAll(async () => {
    const server = await startServer('accounts-first-admin', { SEED: 'false' })
    servers.push(server)
    client = api(server.url)
    expect(server.output()).toContain(`Created the first admin ${ADMIN_EMAIL}`)
  }, 120_000)

  test('the configured admin exists and logs in', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const me = await client.request('GET', '/api/users/me', { token })
    expect(me.body.user?.roles).toEqual(['admin'])
  })

  test('first-register is refused for staff, with or without a setup token', async () => {
    for (const path of ['/api/users/first-register', '/api/users/first-register?setup=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await client.request('POST', path, { json: NEW_ADMIN })
      expect(response.status).toBe(403)
    }
    const login = await client.request('POST', '/api/users/login', { json: NEW_ADMIN })
    expect(login.status).toBe(401)
  })

  test('members cannot register the first member of an empty collection', async () => {
    const response = await client.request('POST', '/api/members/first-register', { json: MEMBER })
    expect(response.status).toBe(403)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const members = await client.request('GET', '/api/members?limit=1', { token })
    expect(members.body.totalDocs).toBe(0)
  })
})

describe('SEED=false and no admin configured', () => {
  let client: ReturnType<typeof api>
  let setupURL: URL

  beforeAll(async () => {
    const server = await startServer('accounts-setup-link', { SEED: 'false', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })
    servers.push(server)
    client = api(server.url)
    const printed = server.output().match(/https?:\/\/\S+\/api\/users\/setup\?token=[A-Za-z0-9_-]{43}/)
    expect(printed).not.toBeNull()
    setupURL = new URL((printed as RegExpMatchArray)[0])
  }, 120_000)

  test('first-register without the setup token, or with a wrong one, is refused', async () => {
    const anonymous = await client.request('POST', '/api/users/first-register', { json: NEW_ADMIN })
    expect(anonymous.status).toBe(403)
    expect(anonymous.body.errors?.[0]?.message).toMatch(/setup link/)
    const wrong = await client.request('POST', '/api/users/first-register?setup=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { json: NEW_ADMIN })
    expect(wrong.status).toBe(403)
    const badLink = await client.request('GET', '/api/users/setup?token=nope')
    expect(badLink.status).toBe(400)
    expect(badLink.body.errors?.[0]?.field).toBe('token')
    const init = await client.request('GET', '/api/users/init')
    expect(init.body.initialized).toBe(false)
  })

  test('members cannot register themselves either', async () => {
    const response = await client.request('POST', '/api/members/first-register', { json: MEMBER })
    expect(response.status).toBe(403)
  })

  test('the setup link opens the admin form once: it registers the first admin, then first-register closes', async () => {
    const link = await fetch(setupURL, { redirect: 'manual' })
    expect(link.status).toBe(303)
    expect(link.headers.get('location')).toMatch(/\/admin\/create-first-user$/)
    const setCookie = link.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    const cookie = setCookie.split(';')[0]

    // As the admin's create-first-user form posts it: multipart with a `_payload` field, cookie attached.
    const form = new FormData()
    form.append('_payload', JSON.stringify({ ...NEW_ADMIN, 'confirm-password': NEW_ADMIN.password }))
    const registered = await client.request('POST', '/api/users/first-register', { body: form, headers: { Cookie: cookie } })
    expect(registered.status).toBe(200)
    expect((registered.body.user as { roles?: string[] }).roles).toEqual(['admin'])
    expect(registered.headers.get('set-cookie')).toContain('q-cms-setup=;')

    await client.login('users', NEW_ADMIN.email, NEW_ADMIN.password)
    const again = await client.request('POST', `/api/users/first-register?setup=${setupURL.searchParams.get('token')}`, {
      json: { ...NEW_ADMIN, email: 'second.admin@test.example.org' },
      headers: { Cookie: cookie },
    })
    expect(again.status).toBe(403)
    const linkAgain = await fetch(setupURL, { redirect: 'manual' })
    expect(linkAgain.status).toBe(403)
  })
})
