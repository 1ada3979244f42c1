/**
 * Double opt-in, preferences and one-click unsubscribe over real HTTP, with a real SMTP server
 * receiving the confirmation emails.
 */
import { checkSubscription, normaliseEmail } from '@plugins/email-subscriptions/rules/validation'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'

const TOPICS = ['blogs', 'interviews', 'events', 'lab-themes', 'evaluation-reports']

describe('validation', () => {
  test.each([
    ['  Ana.Smith@Example.ORG ', 'ana.smith@example.org'],
    ['no-at-sign', null],
    ['two@@example.org', null],
    ['a@b', null],
    ['<script>@example.org', null],
  ])('normaliseEmail(%j) → %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected)
  })

  test('defaults to every topic and instant delivery; names the field at fault', () => {
    expect(checkSubscription({ email: 'a@example.org' }, TOPICS)).toEqual({
      email: 'a@example.org',
      topics: TOPICS,
      frequency: 'instant',
    })
    expect(checkSubscription({ email: 'a@example.org', topics: ['gossip'] }, TOPICS)).toMatchObject(
      { field: 'topics' },
    )
    expect(checkSubscription({ email: 'a@example.org', topics: [] }, TOPICS)).toMatchObject({
      field: 'topics',
    })
    expect(checkSubscription({ email: 'a@example.org', frequency: 'daily' }, TOPICS)).toMatchObject(
      { field: 'frequency' },
    )
  })
})

describe('over HTTP with a real SMTP server', () => {
  let server: RunningServer
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let client: ReturnType<typeof api>

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startServer('subscriptions', {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      EMAIL_FROM: 'updates@q.example.org',
      SUBSCRIBE_RATE_LIMIT: '40',
      BOUNCE_SECRET: 'bounce-secret-for-tests',
      // Confirmations go out from the queue: work it every second rather than every 10.
      SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
    })
    client = api(server.url)
  }, 120_000)

  afterAll(async () => {
    await server?.stop()
    await smtp?.stop()
  })

  const subscribe = (body: Record<string, unknown>) =>
    client.request('POST', '/api/subscribers/subscribe', { json: body })
  const tokenFrom = (email: ReceivedEmail, path: string) => {
    const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(email.text)
    if (!match) throw new Error(`no ${path} link in: ${email.text}`)
    return match[1]
  }
  const header = (email: ReceivedEmail, name: string) => email.rawHeaders[name] ?? ''
  /** Long enough for the queue (worked every second) to have acted on what was asked before. */
  const queueCycle = () => new Promise((resolve) => setTimeout(resolve, 2500))

  test('subscribe → confirmation email → GET shows a button and changes nothing → POST confirms once', async () => {
    const response = await subscribe({
      email: 'Reader.One@Example.org',
      topics: ['blogs', 'events'],
      frequency: 'weekly',
    })
    expect(response.status).toBe(202)
    const email = await smtp.waitFor((message) => message.to.includes('reader.one@example.org'))
    expect(email.subject).toBe('Confirm your email updates from Q')
    expect(email.from).toBe('updates@q.example.org')
    const confirmToken = tokenFrom(email, `${server.url}/api/subscribers/confirm`)
    expect(header(email, 'list-unsubscribe')).toMatch(
      new RegExp(
        `^<${server.url}/api/subscribers/unsubscribe\\?token=[A-Za-z0-9_-]{43}>, <mailto:`,
      ),
    )
    expect(header(email, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')

    // A link scanner fetching the link twice confirms nothing.
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${server.url}/api/subscribers/confirm?token=${confirmToken}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('<button type="submit">Confirm my subscription</button>')
    }
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const stored = await client.request(
      'GET',
      '/api/subscribers?where[email][equals]=reader.one@example.org',
      { token },
    )
    expect(stored.body.docs?.[0]).toMatchObject({
      status: 'pending',
      topics: ['blogs', 'events'],
      frequency: 'weekly',
      consent: {
        source: 'subscribe-form',
        wordingVersion: '2026-11',
        ipHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    })
    expect(stored.text).not.toContain(confirmToken) // only hashes are stored

    const form = await fetch(`${server.url}/api/subscribers/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: `token=${confirmToken}`,
    })
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('Subscription confirmed')
    const again = await client.request('POST', '/api/subscribers/confirm', {
      json: { token: confirmToken },
    })
    expect(again.status).toBe(400)
    expect(errorPaths(again.body)).toContain('token')
    const confirmed = await client.request(
      'GET',
      '/api/subscribers?where[email][equals]=reader.one@example.org',
      { token },
    )
    expect(confirmed.body.docs?.[0]).toMatchObject({
      status: 'confirmed',
      confirmedAt: expect.any(String),
    })
  })

  test('no enumeration: the same 202 body for new, pending and confirmed addresses; confirmed ones get no email', async () => {
    const fresh = await subscribe({ email: 'reader.two@example.org' })
    const pending = await subscribe({ email: 'reader.two@example.org' })
    const confirmed = await subscribe({ email: 'reader.one@example.org' })
    expect([fresh.status, pending.status, confirmed.status]).toEqual([202, 202, 202])
    expect(pending.text).toBe(fresh.text)
    expect(confirmed.text).toBe(fresh.text)
    await smtp.waitFor((message) => message.to.includes('reader.two@example.org'))
    await queueCycle()
    expect(
      smtp.messages.filter((message) => message.to.includes('reader.two@example.org')),
    ).toHaveLength(1) // resend interval
    expect(
      smtp.messages.filter((message) => message.to.includes('reader.one@example.org')),
    ).toHaveLength(1)
  })

  test('preferences with the email token; one-click unsubscribe without login', async () => {
    await subscribe({ email: 'reader.three@example.org', topics: ['blogs'] })
    const email = await smtp.waitFor((message) => message.to.includes('reader.three@example.org'))
    const manageToken = /unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(
      header(email, 'list-unsubscribe'),
    )?.[1] as string
    const prefs = await client.request('GET', `/api/subscribers/preferences?token=${manageToken}`)
    expect(prefs.body).toMatchObject({ topics: ['blogs'], frequency: 'instant', status: 'pending' })
    const changed = await client.request(
      'PATCH',
      `/api/subscribers/preferences?token=${manageToken}`,
      { json: { topics: ['interviews', 'events'], frequency: 'weekly' } },
    )
    expect(changed.body).toMatchObject({ topics: ['interviews', 'events'], frequency: 'weekly' })
    const badTopic = await client.request(
      'PATCH',
      `/api/subscribers/preferences?token=${manageToken}`,
      { json: { topics: ['gossip'] } },
    )
    expect(badTopic.status).toBe(400)
    expect(errorPaths(badTopic.body)).toContain('topics')

    const page = await fetch(`${server.url}/api/subscribers/unsubscribe?token=${manageToken}`)
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>')
    const oneClick = await fetch(`${server.url}/api/subscribers/unsubscribe?token=${manageToken}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect(
      (await client.request('GET', `/api/subscribers/preferences?token=${manageToken}`)).body
        .status,
    ).toBe('unsubscribed')
  })

  test.each([
    ['/api/subscribers/subscribe', { email: 'not-an-email' }, 'email'],
    ['/api/subscribers/subscribe', { email: 'x@example.org', topics: ['gossip'] }, 'topics'],
    ['/api/subscribers/subscribe', { email: 'x@example.org', frequency: 'hourly' }, 'frequency'],
    ['/api/subscribers/confirm', { token: 'garbage' }, 'token'],
    ['/api/subscribers/confirm', { token: 'A'.repeat(43) }, 'token'],
    ['/api/subscribers/unsubscribe', { token: 'A'.repeat(43) }, 'token'],
  ])('POST %s %j → 400 naming %s, no address echoed', async (path, body, field) => {
    const response = await client.request('POST', path, { json: body })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
    expect(response.text).not.toContain('x@example.org')
  })

  test('a logged-in member subscribes without double opt-in and manages it at /me', async () => {
    const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    await client.request('POST', '/api/members', {
      token: adminToken,
      json: {
        name: 'Subscribing Member',
        email: 'sub.member@example.org',
        password: 'member-password-1',
        profession: 'nurse',
        region: 'wales',
      },
    })
    const token = await client.login('members', 'sub.member@example.org', 'member-password-1')
    expect((await client.request('GET', '/api/subscribers/me')).status).toBe(401)
    expect((await client.request('GET', '/api/subscribers/me', { token })).body).toMatchObject({
      subscribed: false,
    })
    const created = await client.request('POST', '/api/subscribers/me', {
      token,
      json: { topics: ['events'], frequency: 'weekly' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      subscribed: true,
      status: 'confirmed',
      topics: ['events'],
      frequency: 'weekly',
    })
    const updated = await client.request('PATCH', '/api/subscribers/me', {
      token,
      json: { topics: ['events', 'blogs'] },
    })
    expect(updated.body).toMatchObject({ topics: ['events', 'blogs'], frequency: 'weekly' })
    const bad = await client.request('PATCH', '/api/subscribers/me', {
      token,
      json: { frequency: 'hourly' },
    })
    expect(bad.status).toBe(400)
    expect(errorPaths(bad.body)).toContain('frequency')
    expect(smtp.messages.some((message) => message.to.includes('sub.member@example.org'))).toBe(
      false,
    )
  })

  test('bounces: the secret is required; three hard bounces or one complaint suppress the address', async () => {
    const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    await client.request('POST', '/api/members', {
      token: adminToken,
      json: {
        name: 'Bouncing Member',
        email: 'bouncing@example.org',
        password: 'member-password-1',
        profession: 'nurse',
        region: 'wales',
      },
    })
    const token = await client.login('members', 'bouncing@example.org', 'member-password-1')
    expect(
      (await client.request('POST', '/api/subscribers/me', { token, json: { topics: ['blogs'] } }))
        .status,
    ).toBe(201)
    const bounce = (body: Record<string, unknown>, secret?: string) =>
      client.request('POST', '/api/subscribers/bounce', {
        json: body,
        headers: secret ? { 'x-bounce-secret': secret } : {},
      })
    expect((await bounce({ email: 'bouncing@example.org', type: 'hard' })).status).toBe(401)
    expect(
      (await bounce({ email: 'bouncing@example.org', type: 'hard' }, 'wrong-secret')).status,
    ).toBe(401)
    const badType = await bounce(
      { email: 'bouncing@example.org', type: 'angry' },
      'bounce-secret-for-tests',
    )
    expect(badType.status).toBe(400)
    expect(errorPaths(badType.body)).toContain('type')
    // Unknown addresses get the same answer as known ones.
    expect(
      (await bounce({ email: 'nobody.here@example.org', type: 'hard' }, 'bounce-secret-for-tests'))
        .status,
    ).toBe(202)
    for (let i = 0; i < 2; i++)
      expect(
        (await bounce({ email: 'bouncing@example.org', type: 'hard' }, 'bounce-secret-for-tests'))
          .status,
      ).toBe(202)
    expect((await client.request('GET', '/api/subscribers/me', { token })).body).toMatchObject({
      subscribed: true,
    })
    expect(
      (await bounce({ email: 'bouncing@example.org', type: 'hard' }, 'bounce-secret-for-tests'))
        .status,
    ).toBe(202)
    expect((await client.request('GET', '/api/subscribers/me', { token })).body).toMatchObject({
      subscribed: false,
      status: 'suppressed',
    })
    // Suppressed stays suppressed: re-subscribing does not mail it, and the member is told.
    expect(
      (await client.request('PATCH', '/api/subscribers/me', { token, json: { topics: ['blogs'] } }))
        .status,
    ).toBe(409)
    expect((await subscribe({ email: 'bouncing@example.org' })).status).toBe(202)
    await queueCycle()
    expect(smtp.messages.some((message) => message.to.includes('bouncing@example.org'))).toBe(false)
  })

  test('the public and members cannot read subscribers', async () => {
    expect((await client.request('GET', '/api/subscribers')).status).toBe(403)
  })

  test('one address is refused after 5 requests in an hour, whatever its state: 429 naming email', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await subscribe({ email: 'Repeat.Reader@example.org', topics: ['blogs'] })).status,
      )
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
    const refused = await subscribe({ email: 'repeat.reader@example.org' })
    expect(refused.status).toBe(429)
    expect(errorPaths(refused.body)).toContain('email')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    await smtp.waitFor((message) => message.to.includes('repeat.reader@example.org'))
    await queueCycle()
    expect(
      smtp.messages.filter((message) => message.to.includes('repeat.reader@example.org')),
    ).toHaveLength(1)
  })

  // Last: it uses up this address's subscribe allowance.
  test('garbage bodies and floods get 4xx, never 500', async () => {
    const garbage = await client.request('POST', '/api/subscribers/subscribe', {
      body: '{"email": ',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(garbage.status).toBe(400)
    const statuses: number[] = []
    for (let i = 0; i < 45 && !statuses.includes(429); i++)
      statuses.push((await subscribe({ email: `flood${i}@example.org` })).status)
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
  })
})
