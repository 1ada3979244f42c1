/**
 * Signed webhooks over real HTTP: the express host (its own cron working the `webhooks` queue every
 * second) delivers to a real local receiver that verifies every signature with the
 * `standardwebhooks` package. Publish, unpublish, update and delete fire; drafts do not; a receiver
 * that is down gets the message later, once; admins alone see and test webhooks.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'

import { Webhook } from 'standardwebhooks'

import { freePort } from '../../scripts/postgresCluster.mjs'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiDoc,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

const FRONTEND = 'https://frontend.example.org'
const PASSWORD = 'a-long-webhook-test-password'

type Received = {
  id: string
  type: string
  data: Record<string, unknown>
  body: string
  verified: boolean
}

/** A webhook receiver on a chosen port that checks each message's signature with `secret`. */
const startReceiver = async (port: number, secret: () => string) => {
  const messages: Received[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const headers = req.headers as IncomingHttpHeaders & Record<string, string>
      let verified = false
      try {
        new Webhook(secret()).verify(body, headers)
        verified = true
      } catch {
        // recorded as unverified: the test fails on it
      }
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> }
      messages.push({
        id: headers['webhook-id'],
        type: parsed.type,
        data: parsed.data,
        body,
        verified,
      })
      res.writeHead(verified ? 204 : 401).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    messages,
    url: `http://127.0.0.1:${port}/hooks`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined) => {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

let server: RunningServer
let client: ReturnType<typeof api>
let admin: string
let editor: string
let receiver: Awaited<ReturnType<typeof startReceiver>>
const secrets = new Map<string, string>()

const createWebhook = async (json: Record<string, unknown>) => {
  const created = await client.request('POST', '/api/webhooks', { token: admin, json })
  expect(created.status).toBe(201)
  const doc = created.body.doc as ApiDoc
  return doc
}

beforeAll(async () => {
  server = await startServer('webhooks', {
    FRONTEND_URL: FRONTEND,
    WEBHOOKS_ALLOW_PRIVATE_URLS: 'true',
    WEBHOOKS_QUEUE_CRON: '* * * * * *',
    WEBHOOKS_RETRY_DELAY_MS: '250',
    WEBHOOKS_RETRY_ATTEMPTS: '6',
  })
  client = api(server.url)
  admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const email = 'webhooks.editor@staff.example.org'
  const created = await client.request('POST', '/api/users', {
    token: admin,
    json: { name: 'Webhooks editor', email, password: PASSWORD, roles: ['editor'] },
  })
  expect(created.status).toBe(201)
  editor = await client.login('users', email, PASSWORD)
  receiver = await startReceiver(await freePort(), () => secrets.get('content') ?? '')
}, 90_000)

afterAll(async () => {
  await receiver?.close()
  await server?.stop()
})

test('admins alone manage webhooks; the secret is generated on the server; URLs are checked', async () => {
  const refused = await client.request('POST', '/api/webhooks', {
    token: admin,
    json: { name: 'FTP', url: 'ftp://example.org/', events: ['publish'] },
  })
  expect(refused.status).toBe(400)
  expect(errorPaths(refused.body)).toContain('url')

  const doc = await createWebhook({
    name: 'Frontend revalidation',
    url: receiver.url,
    events: ['publish', 'unpublish', 'update', 'delete'],
    collections: ['blogs', 'lab-themes'],
  })
  expect(doc.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
  secrets.set('content', String(doc.secret))

  // A duplicate signs with a secret of its own.
  const copy = await client.request('POST', `/api/webhooks/${doc.id}/duplicate`, { token: admin })
  expect(copy.status).toBe(200)
  const copied = copy.body.doc as ApiDoc
  expect(copied.secret).toMatch(/^whsec_/)
  expect(copied.secret).not.toBe(doc.secret)
  const removed = await client.request('DELETE', `/api/webhooks/${copied.id}`, { token: admin })
  expect(removed.status).toBe(200)

  for (const token of [undefined, editor]) {
    expect((await client.request('GET', '/api/webhooks', { token })).status).toBe(403)
    expect((await client.request('GET', `/api/webhooks/${doc.id}`, { token })).status).toBe(403)
    expect((await client.request('GET', '/api/webhook-deliveries', { token })).status).toBe(403)
  }
  const viaGraphQL = await client.graphql('{ Webhooks { docs { secret } } }', editor)
  expect(JSON.stringify(viaGraphQL.body)).not.toContain('whsec_')
  expect(
    (await client.request('POST', '/api/webhook-deliveries', { token: admin, json: {} })).status,
  ).toBe(403)
})

test('"Send test event" delivers a signed webhook.test now and logs it', async () => {
  const { id } = (
    await client.request('GET', '/api/webhooks?where[name][equals]=Frontend revalidation', {
      token: admin,
    })
  ).body.docs![0]
  expect((await client.request('POST', `/api/webhooks/${id}/test`)).status).toBe(401)
  expect((await client.request('POST', `/api/webhooks/${id}/test`, { token: editor })).status).toBe(
    403,
  )
  for (const missing of ['999999', 'abc', '99999999999'])
    expect(
      (await client.request('POST', `/api/webhooks/${missing}/test`, { token: admin })).status,
    ).toBe(404)

  const sent = await client.request('POST', `/api/webhooks/${id}/test`, { token: admin })
  expect(sent.status).toBe(200)
  expect(sent.body).toEqual({ delivered: true, status: 204, durationMs: expect.any(Number) })
  const message = receiver.messages.find((m) => m.type === 'webhook.test')
  expect(message).toMatchObject({ verified: true, id: expect.stringMatching(/^msg_/) })

  const log = await client.request(
    'GET',
    `/api/webhook-deliveries?where[messageId][equals]=${message!.id}`,
    { token: admin },
  )
  expect(log.body.docs).toEqual([
    expect.objectContaining({ eventType: 'webhook.test', delivered: true, statusCode: 204 }),
  ])
})

test('publish, update, unpublish and delete fire; drafts and other collections do not', async () => {
  const before = receiver.messages.length
  const blog = (
    await client.request('POST', '/api/blogs?draft=true', {
      token: admin,
      json: { title: 'Webhook blog', excerpt: 'Draft', _status: 'draft' },
    })
  ).body.doc as ApiDoc
  const patch = (query: string, json: Record<string, unknown>) =>
    client.request('PATCH', `/api/blogs/${blog.id}${query}`, { token: admin, json })
  expect((await patch('', { _status: 'published' })).status).toBe(200)
  // A draft over the published blog: the public sees nothing new.
  expect((await patch('?draft=true', { excerpt: 'Draft edit' })).status).toBe(200)
  expect((await patch('', { excerpt: 'Live edit', _status: 'published' })).status).toBe(200)
  expect((await patch('', { _status: 'draft' })).status).toBe(200)
  expect((await patch('', { _status: 'published' })).status).toBe(200)
  expect((await client.request('DELETE', `/api/blogs/${blog.id}`, { token: admin })).status).toBe(
    200,
  )
  // Not among the webhook's collections.
  await client.request('POST', '/api/interviews', {
    token: admin,
    json: { title: 'Not announced', _status: 'published' },
  })
  // Lab themes have no drafts: created means published.
  const theme = (
    await client.request('POST', '/api/lab-themes', {
      token: admin,
      json: { title: 'Webhook theme', year: 2027 },
    })
  ).body.doc as ApiDoc

  const expected = [
    'blogs.published',
    'blogs.updated',
    'blogs.unpublished',
    'blogs.published',
    'blogs.deleted',
    'lab-themes.published',
  ]
  const received = await until('six events', () => {
    const fresh = receiver.messages.slice(before)
    return fresh.length >= expected.length ? fresh : undefined
  })
  // A moment more: nothing else arrives (the draft and the interview fired nothing).
  await new Promise((resolve) => setTimeout(resolve, 1200))
  expect(
    receiver.messages
      .slice(before)
      .map((m) => m.type)
      .sort(),
  ).toEqual([...expected].sort())
  expect(received.every((m) => m.verified)).toBe(true)
  expect(new Set(received.map((m) => m.id)).size).toBe(expected.length)

  const deletedBlog = received.find((m) => m.type === 'blogs.deleted')!
  expect(Object.keys(deletedBlog.data).sort()).toEqual(
    ['collection', 'id', 'publishedAt', 'slug', 'status', 'title', 'updatedAt', 'url'].sort(),
  )
  expect(deletedBlog.data).toMatchObject({
    collection: 'blogs',
    id: blog.id,
    title: 'Webhook blog',
    url: `${FRONTEND}/blogs/${String(blog.slug)}`,
    status: 'deleted',
  })
  expect(received.find((m) => m.type === 'lab-themes.published')!.data).toMatchObject({
    id: theme.id,
    status: 'published',
    url: `${FRONTEND}/lab-themes/${String(theme.slug)}`,
  })
})

test('an unpublication names the page the public saw, not the draft; a moved slug names the old page', async () => {
  const before = receiver.messages.length
  const blog = (
    await client.request('POST', '/api/blogs', {
      token: admin,
      json: {
        title: 'Public title',
        slug: 'webhook-public-a',
        excerpt: 'Live',
        _status: 'published',
      },
    })
  ).body.doc as ApiDoc
  const patch = (query: string, json: Record<string, unknown>) =>
    client.request('PATCH', `/api/blogs/${blog.id}${query}`, { token: admin, json })
  // An embargoed draft under another slug, then the unpublication starts from that draft.
  expect(
    (await patch('?draft=true', { title: 'Embargoed', slug: 'webhook-embargoed-b' })).status,
  ).toBe(200)
  expect((await patch('', { _status: 'draft' })).status).toBe(200)
  expect((await patch('', { _status: 'published' })).status).toBe(200)
  expect((await patch('', { slug: 'webhook-moved-c', _status: 'published' })).status).toBe(200)

  // SQLite may hand the deleted blog's id out again: only this test's messages.
  const ofBlog = () => receiver.messages.slice(before).filter((m) => m.data.id === blog.id)
  const received = await until('four events of the blog', () =>
    ofBlog().length >= 4 ? ofBlog() : undefined,
  )
  const byType = (type: string) => received.filter((m) => m.type === type)
  const [unpublished] = byType('blogs.unpublished')
  expect(unpublished.data).toMatchObject({
    slug: 'webhook-public-a',
    title: 'Public title',
    url: `${FRONTEND}/blogs/webhook-public-a`,
    status: 'draft',
  })
  expect(unpublished.body).not.toContain('Embargoed')
  // Published again from a draft: the old page was already purged, nothing to add.
  expect(byType('blogs.published').map((m) => m.data.previousUrl)).toEqual([undefined, undefined])
  expect(byType('blogs.updated')[0].data).toMatchObject({
    url: `${FRONTEND}/blogs/webhook-moved-c`,
    previousUrl: `${FRONTEND}/blogs/webhook-embargoed-b`,
  })
})

test('a receiver that is down gets the message later, once, with the same webhook-id', async () => {
  const port = await freePort()
  const doc = await createWebhook({
    name: 'Down at first',
    url: `http://127.0.0.1:${port}/hooks`,
    events: ['publish'],
    collections: ['lab-themes'],
  })
  const logOf = async () =>
    (
      await client.request(
        'GET',
        `/api/webhook-deliveries?where[webhook][equals]=${doc.id}&sort=createdAt&limit=50`,
        { token: admin },
      )
    ).body.docs ?? []

  await client.request('POST', '/api/lab-themes', {
    token: admin,
    json: { title: 'Delivered later', year: 2028 },
  })
  const failed = await until('a failed attempt', async () => {
    const docs = await logOf()
    return docs.length ? docs : undefined
  })
  expect(failed[0]).toMatchObject({ delivered: false, statusCode: null, attempt: 1 })
  expect(String(failed[0].error)).toMatch(/ECONNREFUSED/)

  const late = await startReceiver(port, () => String(doc.secret))
  try {
    await until('the late delivery', () => (late.messages.length ? true : undefined))
    // One more tick of the queue: nothing is delivered twice.
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect(late.messages).toHaveLength(1)
    expect(late.messages[0]).toMatchObject({
      type: 'lab-themes.published',
      verified: true,
      id: failed[0].messageId,
    })
    const log = await logOf()
    const successes = log.filter((row) => row.delivered)
    expect(successes).toHaveLength(1)
    expect(successes[0]).toMatchObject({ statusCode: 204, messageId: failed[0].messageId })
    expect(Number(successes[0].attempt)).toBeGreaterThan(1)
    expect(log.every((row) => row.messageId === failed[0].messageId)).toBe(true)

    // The webhook's edit view lists its latest deliveries (a join field).
    const withJoin = await client.request('GET', `/api/webhooks/${doc.id}`, { token: admin })
    const joined = withJoin.body.deliveries as { docs: unknown[] }
    expect(joined.docs.length).toBe(log.length)
  } finally {
    await late.close()
  }
})
