/**
 * Delivery over the real express host, with real SMTP servers: a worker killed mid-batch and a new
 * one started, SMTP down then up, and the weekly digest run by an admin. Every case ends with each
 * recipient holding exactly one email.
 */
import { freePort } from '../../scripts/postgresCluster.mjs'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>
type Client = ReturnType<typeof api>

/** Tuning that makes the queue quick for tests; production keeps the defaults. */
const FAST_QUEUE = {
  SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
  SUBSCRIPTIONS_MAINTENANCE_CRON: '*/2 * * * * *',
  SUBSCRIPTIONS_RETRY_DELAY_MS: '1000',
  SUBSCRIBE_RATE_LIMIT: '500',
  EMAIL_FROM: 'updates@q.example.org',
}

const announcementOf = (title: string) => (message: ReceivedEmail) =>
  message.subject === `New on Q: ${title}`
const countPerRecipient = (messages: ReceivedEmail[]) => {
  const counts = new Map<string, number>()
  for (const message of messages)
    for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1)
  return counts
}

/** Double opt-in over HTTP, as a reader would: subscribe, take the link from the email (sent from the queue), confirm. */
const subscribeAndConfirm = async (
  client: Client,
  smtp: Smtp,
  email: string,
  topics: string[],
  frequency: 'instant' | 'weekly' = 'instant',
) => {
  const response = await client.request('POST', '/api/subscribers/subscribe', {
    json: { email, topics, frequency },
  })
  expect(response.status).toBe(202)
  const message = await smtp.waitFor(
    (received) => received.to.includes(email) && received.subject.startsWith('Confirm'),
  )
  const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1]
  const confirmed = await client.request('POST', '/api/subscribers/confirm', { json: { token } })
  expect(confirmed.status).toBe(200)
}

const publishBlog = async (client: Client, token: string, title: string) => {
  const response = await client.request('POST', '/api/blogs', {
    token,
    json: { title, excerpt: `About ${title}`, _status: 'published' },
  })
  expect(response.status).toBe(201)
  return response.body.doc
}

/** The addresses the product should reach: confirmed subscribers of a topic with a frequency (seeded ones included), as admins see them. */
const expectedRecipients = async (
  client: Client,
  token: string,
  topic: string,
  frequency: 'instant' | 'weekly',
) => {
  const query = `where[status][equals]=confirmed&where[frequency][equals]=${frequency}&where[topics][in]=${topic}&limit=1000`
  const response = await client.request('GET', `/api/subscribers?${query}`, { token })
  return (response.body.docs ?? []).map((doc) => String(doc.email)).sort()
}

const mailingOf = async (client: Client, token: string, key: string) =>
  (
    await client.request(
      'GET',
      `/api/subscription-mailings?where[key][equals]=${encodeURIComponent(key)}`,
      { token },
    )
  ).body.docs?.[0]

/**
 * The mailing once it is `done`: every recipient has been sent to (or given up on), so any duplicate
 * would already have arrived. Stands in for a fixed wait that nothing more arrives.
 */
const mailingDone = async (client: Client, token: string, key: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  let mailing = await mailingOf(client, token, key)
  while (mailing?.status !== 'done' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    mailing = await mailingOf(client, token, key)
  }
  return mailing
}

describe('a worker killed mid-batch, then a new one', () => {
  let smtp: Smtp
  let first: RunningServer | undefined
  let second: RunningServer | undefined

  beforeAll(async () => {
    smtp = await startSmtpServer()
  })

  afterAll(async () => {
    first?.child.kill('SIGKILL')
    await second?.stop()
    await smtp?.stop()
  })

  test('every confirmed subscriber gets the announcement exactly once', async () => {
    const queueEnv = {
      ...FAST_QUEUE,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SUBSCRIPTIONS_BATCH_SIZE: '5',
      SUBSCRIPTIONS_CLAIM_TIMEOUT_SECONDS: '2',
    }
    first = await startServer('killed-worker', queueEnv)
    // The new worker starts on the killed one's database.
    const env = { ...queueEnv, DATABASE_URL: first.databaseURL }
    const client = api(first.url)
    const recipients = Array.from({ length: 24 }, (_, i) => `reader-${i}@example.org`)
    await Promise.all(
      recipients.map((email) => subscribeAndConfirm(client, smtp, email, ['blogs'])),
    )

    // The SMTP server answers 7 announcements, then hangs: the worker is mid-batch when it dies.
    const title = 'Killed mid-batch'
    smtp.stallAfter(smtp.messages.length + 7)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const expected = await expectedRecipients(client, token, 'blogs', 'instant')
    expect(expected).toEqual(expect.arrayContaining(recipients))
    const blog = await publishBlog(client, token, title)
    await smtp.waitForCount(announcementOf(title), 7)
    const deadline = Date.now() + 10_000
    while (smtp.held() === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(smtp.held()).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 500)) // the accepted ones are marked sent
    first.child.kill('SIGKILL')
    await first.exited
    expect(smtp.messages.filter(announcementOf(title))).toHaveLength(7)

    smtp.stallAfter(Number.POSITIVE_INFINITY)
    second = await startServer('killed-worker-rerun', { ...env, SEED: 'false' })
    await smtp.waitForCount(announcementOf(title), expected.length, 60_000)
    const secondClient = api(second.url)
    const adminToken = await secondClient.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const mailing = await mailingDone(secondClient, adminToken, `publication:blogs:${blog?.id}`)
    expect(mailing).toMatchObject({ status: 'done', sent: expected.length, failed: 0 })
    const counts = countPerRecipient(smtp.messages.filter(announcementOf(title)))
    expect([...counts.keys()].sort()).toEqual(expected)
    expect([...counts.values()].every((count) => count === 1)).toBe(true)
  }, 180_000)
})

describe('SMTP down, then up', () => {
  let smtp: Smtp | undefined
  let server: RunningServer

  afterAll(async () => {
    await server?.stop()
    await smtp?.stop()
  })

  test('the mailing is retried with backoff and everything is delivered once', async () => {
    const port = await freePort()
    const firstSmtp = await startSmtpServer({ port })
    smtp = firstSmtp
    server = await startServer('smtp-down', {
      ...FAST_QUEUE,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
    })
    const client = api(server.url)
    const recipients = ['down-1@example.org', 'down-2@example.org', 'down-3@example.org']
    await Promise.all(
      recipients.map((email) => subscribeAndConfirm(client, firstSmtp, email, ['blogs'])),
    )
    await smtp.stop()
    smtp = undefined

    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const expected = await expectedRecipients(client, token, 'blogs', 'instant')
    expect(expected).toEqual(expect.arrayContaining(recipients))
    const title = 'Published while SMTP was down'
    const blog = await publishBlog(client, token, title)
    const key = `publication:blogs:${blog?.id}`
    const deadline = Date.now() + 30_000
    let mailing = await mailingOf(client, token, key)
    while (
      !(Number(mailing?.attempts) >= 1 && Number(mailing?.failed) > 0) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      mailing = await mailingOf(client, token, key)
    }
    expect(mailing).toMatchObject({
      status: 'sending',
      sent: 0,
      failed: expected.length,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
    })

    smtp = await startSmtpServer({ port })
    await smtp.waitForCount(announcementOf(title), expected.length, 60_000)
    mailing = await mailingDone(client, token, key)
    const counts = countPerRecipient(smtp.messages.filter(announcementOf(title)))
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(expected.map((email) => [email, 1])),
    )
    expect(mailing).toMatchObject({ status: 'done', sent: expected.length, failed: 0 })
    expect(Number(mailing?.attempts)).toBeGreaterThan(1)
  }, 180_000)
})

describe('weekly digest', () => {
  let smtp: Smtp
  let server: RunningServer
  let client: Client

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startServer('digest', {
      ...FAST_QUEUE,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    })
    client = api(server.url)
  }, 120_000)

  afterAll(async () => {
    await server?.stop()
    await smtp?.stop()
  })

  test('admins only: 401 without login, 403 for an editor', async () => {
    expect((await client.request('POST', '/api/subscribers/digest')).status).toBe(401)
    const admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const editor = await client.request('POST', '/api/users', {
      token: admin,
      json: {
        name: 'Ed',
        email: 'editor@test.example.org',
        password: 'editor-password-1',
        roles: ['editor'],
      },
    })
    expect(editor.status).toBe(201)
    const editorToken = await client.login('users', 'editor@test.example.org', 'editor-password-1')
    expect(
      (await client.request('POST', '/api/subscribers/digest', { token: editorToken })).status,
    ).toBe(403)
  })

  test("each weekly subscriber gets one email listing the period's publications in their topics; nothing when there are none", async () => {
    await Promise.all([
      subscribeAndConfirm(
        client,
        smtp,
        'weekly-blogs-events@example.org',
        ['blogs', 'events'],
        'weekly',
      ),
      subscribeAndConfirm(
        client,
        smtp,
        'weekly-reports@example.org',
        ['evaluation-reports'],
        'weekly',
      ),
      subscribeAndConfirm(client, smtp, 'instant-blogs@example.org', ['blogs'], 'instant'),
    ])
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    await publishBlog(client, token, 'A <digest> blog')
    await publishBlog(client, token, 'Another digest blog')
    await smtp.waitForCount(announcementOf('Another digest blog'), 1)

    const response = await client.request('POST', '/api/subscribers/digest', { token })
    expect(response.status).toBe(202)
    expect(response.body).toMatchObject({
      mailing: expect.stringMatching(/^digest:manual:/),
      periodStart: expect.any(String),
      periodEnd: expect.any(String),
    })
    // Weekly subscribers of blogs (the seeded ones too) get it; weekly-reports@ has nothing to read.
    const expected = await expectedRecipients(client, token, 'blogs', 'weekly')
    expect(expected).toContain('weekly-blogs-events@example.org')
    expect(expected).not.toContain('weekly-reports@example.org')
    const isDigest = (message: ReceivedEmail) => message.subject.startsWith('This week on Q')
    await smtp.waitForCount(isDigest, expected.length)
    expect(await mailingDone(client, token, String(response.body.mailing))).toMatchObject({
      status: 'done',
      sent: expected.length,
    })
    expect(
      smtp.messages
        .filter(isDigest)
        .flatMap((message) => message.to)
        .sort(),
    ).toEqual(expected)
    const digest = smtp.messages.find(
      (message) => isDigest(message) && message.to.includes('weekly-blogs-events@example.org'),
    )
    expect(digest?.subject).toBe('This week on Q: 2 new publications')
    expect(digest?.html).toContain('A &lt;digest&gt; blog')
    expect(digest?.text).toContain('Another digest blog')
    expect(digest?.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')

    // A second run right after covers an empty period: no email.
    const again = await client.request('POST', '/api/subscribers/digest', { token })
    expect(again.status).toBe(202)
    expect(await mailingDone(client, token, String(again.body.mailing))).toMatchObject({
      status: 'done',
      sent: 0,
    })
    expect(smtp.messages.filter(isDigest)).toHaveLength(expected.length)
    expect(
      smtp.messages.filter(
        (message) =>
          message.to.includes('weekly-reports@example.org') &&
          !message.subject.startsWith('Confirm'),
      ),
    ).toHaveLength(0)
  }, 120_000)

  test('admin tools: figures, CSV export, one subscriber exported and erased; refused to others', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const editor = await client.login('users', 'editor@test.example.org', 'editor-password-1')
    for (const path of ['/api/subscribers/stats', '/api/subscribers/export.csv']) {
      expect((await client.request('GET', path)).status).toBe(401)
      const refused = await client.request('GET', path, { token: editor })
      expect(refused.status).toBe(403)
      expect(refused.text).not.toContain('@example.org')
    }

    const stats = await client.request('GET', '/api/subscribers/stats', { token })
    expect(stats.status).toBe(200)
    const all =
      (await client.request('GET', '/api/subscribers?limit=1000', { token })).body.docs ?? []
    const confirmed = all.filter((doc) => doc.status === 'confirmed')
    expect(stats.body.total).toBe(all.length)
    expect(stats.body.byStatus).toMatchObject({ confirmed: confirmed.length })
    const weeklyBlogs = confirmed.filter(
      (doc) => doc.frequency === 'weekly' && (doc.topics as string[]).includes('blogs'),
    ).length
    expect(stats.body.byTopic).toMatchObject({ blogs: { weekly: weeklyBlogs } })
    const growth = stats.body.growth as { at: string; confirmed: number }[]
    expect(growth).toHaveLength(26)
    expect(growth.at(-1)?.confirmed).toBe(confirmed.length)

    const csv = await client.request('GET', '/api/subscribers/export.csv', { token })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const lines = csv.text.trim().split('\n')
    expect(lines[0]).toBe(
      'email,status,frequency,topics,member,confirmedAt,unsubscribedAt,bounceCount,consentAt,consentSource,consentWordingVersion,createdAt',
    )
    expect(lines).toHaveLength(all.length + 1)
    expect(csv.text).toContain('weekly-blogs-events@example.org,confirmed,weekly,blogs events,')
    expect(csv.text).not.toMatch(/Hash|manageKey/)

    const subscriber = all.find((doc) => doc.email === 'weekly-blogs-events@example.org')
    const exported = await client.request('GET', `/api/subscribers/${subscriber?.id}/export`, {
      token,
    })
    expect(exported.status).toBe(200)
    expect(exported.body.subscriber).toMatchObject({
      email: 'weekly-blogs-events@example.org',
      consent: { source: 'subscribe-form' },
    })
    expect(exported.body.deliveries).toEqual([
      expect.objectContaining({
        mailing: expect.stringMatching(/^digest:manual:/),
        status: 'sent',
      }),
    ])
    expect(exported.text).not.toMatch(/manageKey|TokenHash/)
    expect(
      (await client.request('GET', `/api/subscribers/${subscriber?.id}/export`, { token: editor }))
        .status,
    ).toBe(403)
    expect(
      (await client.request('POST', `/api/subscribers/${subscriber?.id}/erase`, { token: editor }))
        .status,
    ).toBe(403)

    const erased = await client.request('POST', `/api/subscribers/${subscriber?.id}/erase`, {
      token,
    })
    expect(erased.status).toBe(200)
    expect(erased.body).toEqual({ erased: true, deliveries: 1 })
    expect(
      (await client.request('GET', `/api/subscribers/${subscriber?.id}`, { token })).status,
    ).toBe(404)
    const again = await client.request('POST', `/api/subscribers/${subscriber?.id}/erase`, {
      token,
    })
    expect(again.status).toBe(404)
    expect(again.body.errors?.[0]?.field).toBe('id')
    // Not an id at all: the same 404, never a database error.
    for (const path of [
      '/api/subscribers/not-an-id/export',
      '/api/subscribers/1%27%20OR%201=1/export',
    ]) {
      const garbage = await client.request('GET', path, { token })
      expect(garbage.status).toBe(404)
      expect(garbage.body.errors?.[0]?.field).toBe('id')
    }
    expect(
      (await client.request('POST', '/api/subscribers/not-an-id/erase', { token })).status,
    ).toBe(404)
  })

  test('staff preview the update email of a draft; the public cannot; unknown topics and ids are 4xx', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const draft = await client.request('POST', '/api/blogs', {
      token,
      json: { title: 'Draft <preview>', excerpt: 'Not out yet', _status: 'draft' },
    })
    const path = `/api/subscribers/preview?collection=blogs&id=${draft.body.doc?.id}`
    const preview = await client.request('GET', path, { token, headers: { Accept: 'text/html' } })
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-type')).toContain('text/html')
    expect(decodeURIComponent(preview.headers.get('x-email-subject') ?? '')).toBe(
      'New on Q: Draft <preview>',
    )
    expect(preview.text).toContain('Draft &lt;preview&gt;')
    expect(preview.text).toContain('Not out yet')
    expect((await client.request('GET', path)).status).toBe(401)
    const unknown = await client.request(
      'GET',
      '/api/subscribers/preview?collection=comments&id=1',
      { token },
    )
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors?.[0]?.field).toBe('collection')
    expect(
      (
        await client.request('GET', '/api/subscribers/preview?collection=blogs&id=999999', {
          token,
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await client.request('GET', '/api/subscribers/preview?collection=blogs&id=not-an-id', {
          token,
        })
      ).status,
    ).toBe(404)
  })

  test('the preview warns staff when the email would carry a patient identifier (never in what is sent)', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const clean = await client.request('POST', '/api/blogs', {
      token,
      json: { title: 'Ward rounds', excerpt: 'Call 020 7946 0958 on 12/03/2026', _status: 'draft' },
    })
    const cleanPreview = await client.request(
      'GET',
      `/api/subscribers/preview?collection=blogs&id=${clean.body.doc?.id}`,
      { token },
    )
    expect(cleanPreview.headers.get('x-content-warnings')).toBe('0')
    expect(cleanPreview.text).not.toContain('patient-identifiable')

    const draft = await client.request('POST', '/api/blogs', {
      token,
      json: { title: 'Ward rounds in Glasgow', excerpt: 'Seen: CHI 120356 1237', _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    const path = `/api/subscribers/preview?collection=blogs&id=${draft.body.doc?.id}`
    const html = await client.request('GET', path, { token })
    expect(html.status).toBe(200)
    expect(html.headers.get('x-content-warnings')).toBe('1')
    expect(html.text).toMatch(
      /<body[^>]*><div role="alert" data-preview-warning[^>]*><p[^>]*>This email appears to contain patient-identifiable information \(CHI number\) - remove it before publishing\.<\/p><\/div>/,
    )
    const text = await client.request('GET', `${path}&format=text`, { token })
    expect(text.text).toMatch(
      /^Subject: New on Q: Ward rounds in Glasgow\n\nWARNING: This email appears to contain patient-identifiable information \(CHI number\)/,
    )
  })

  test('staff preview the digest as it would go out now: nothing since the last one, then the new publication', async () => {
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const empty = await client.request('GET', '/api/subscribers/preview?kind=digest', { token })
    expect(empty.status).toBe(200)
    expect(empty.text).toContain('no digest would go out now')
    await publishBlog(client, token, 'After the last digest')
    const preview = await client.request(
      'GET',
      '/api/subscribers/preview?kind=digest&format=text',
      { token },
    )
    expect(preview.status).toBe(200)
    expect(preview.text).toMatch(/^Subject: This week on Q: 1 new publication\n/)
    expect(preview.text).toContain('After the last digest')
    expect((await client.request('GET', '/api/subscribers/preview?kind=digest')).status).toBe(401)
  })
})
