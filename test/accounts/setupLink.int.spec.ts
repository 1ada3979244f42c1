/**
 * Item 9 of issue #9, second half: with SEED=false and no ADMIN_EMAIL/ADMIN_PASSWORD, first-register
 * opens only with the one-time setup link the server prints. Real HTTP, production mode.
 */
import { api, type RunningServer, startServer } from '../helpers/server'

const NEW_ADMIN = {
  email: 'first.admin@test.example.org',
  password: 'first-admin-password-1',
  name: 'First Admin',
}
const MEMBER = {
  email: 'squatter@example.org',
  password: 'squatter-password-1',
  name: 'Squatter',
  profession: 'nurse',
  region: 'wales',
}

let server: RunningServer

afterAll(async () => {
  await server?.stop()
})

describe('SEED=false and no admin configured', () => {
  let client: ReturnType<typeof api>
  let setupURL: URL

  beforeAll(async () => {
    server = await startServer('accounts-setup-link', {
      SEED: 'false',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    })
    client = api(server.url)
    const printed = server
      .output()
      .match(/https?:\/\/\S+\/api\/users\/setup\?token=[A-Za-z0-9_-]{43}/)
    expect(printed).not.toBeNull()
    setupURL = new URL((printed as RegExpMatchArray)[0])
  }, 120_000)

  test('first-register without the setup token, or with a wrong one, is refused', async () => {
    const anonymous = await client.request('POST', '/api/users/first-register', { json: NEW_ADMIN })
    expect(anonymous.status).toBe(403)
    expect(anonymous.body.errors?.[0]?.message).toMatch(/setup link/)
    const wrong = await client.request(
      'POST',
      '/api/users/first-register?setup=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      { json: NEW_ADMIN },
    )
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
    form.append(
      '_payload',
      JSON.stringify({ ...NEW_ADMIN, 'confirm-password': NEW_ADMIN.password }),
    )
    const registered = await client.request('POST', '/api/users/first-register', {
      body: form,
      headers: { Cookie: cookie },
    })
    expect(registered.status).toBe(200)
    expect((registered.body.user as { roles?: string[] }).roles).toEqual(['admin'])
    expect(registered.headers.get('set-cookie')).toContain('q-cms-setup=;')

    await client.login('users', NEW_ADMIN.email, NEW_ADMIN.password)
    const again = await client.request(
      'POST',
      `/api/users/first-register?setup=${setupURL.searchParams.get('token')}`,
      {
        json: { ...NEW_ADMIN, email: 'second.admin@test.example.org' },
        headers: { Cookie: cookie },
      },
    )
    expect(again.status).toBe(403)
    const linkAgain = await fetch(setupURL, { redirect: 'manual' })
    expect(linkAgain.status).toBe(403)
  })
})
