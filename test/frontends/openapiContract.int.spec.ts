/**
 * The OpenAPI document against the real host: `/api/openapi.json` as served, and a broad sweep of
 * real answers (anonymous, a member, staff; reads, writes and refusals) checked against it with
 * Ajv. Another endpoint's check is one line in CHECKS: `['GET', '/api/…', caller]`.
 */
import http from 'node:http'

import {
  type ContractDocument,
  expectResponseMatchesContract,
  type ReadResponse,
} from '../helpers/openapiContract'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer
let document: ContractDocument
const tokens: Record<Caller, string | undefined> = { anonymous: undefined, member: '', staff: '' }

type Caller = 'anonymous' | 'member' | 'staff'
const PASSWORD = 'a-long-test-password'

type Answer = ReadResponse & { headers: Record<string, string | string[] | undefined> }

/**
 * One request on a connection of its own, read to the end. Plain node:http: undici's `Response`
 * bodies, read across jest's module sandbox, left tests of this file waiting for ever.
 */
const request = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${server.url}${path}`,
      { method, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', reject)
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`${method} ${path}: no answer`)))
    outgoing.on('error', reject)
    outgoing.end(body)
  })

/** One real request, its answer checked against the document; the parsed body back. */
const check = async (
  method: string,
  path: string,
  caller: Caller = 'anonymous',
  init: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> => {
  const headers: Record<string, string> = { ...init.headers }
  const token = tokens[caller]
  if (token) headers.Authorization = `JWT ${token}`
  if (init.json !== undefined) headers['Content-Type'] = 'application/json'
  const answer = await request(
    method,
    path,
    headers,
    init.json === undefined ? undefined : JSON.stringify(init.json),
  )
  const body = await expectResponseMatchesContract(document, method, path, answer)
  return { status: answer.status, body }
}

const docsOf = (body: unknown) => (body as { docs: { id: number }[] }).docs

describe('the OpenAPI contract over HTTP', () => {
  beforeAll(async () => {
    server = await startServer('openapi-contract')
    const client = api(server.url)
    tokens.staff = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const created = await client.request('POST', '/api/members', {
      token: tokens.staff,
      json: {
        name: 'Contract Member',
        email: 'contract.member@example.org',
        password: PASSWORD,
        profession: 'nurse',
        region: 'wales',
      },
    })
    expect(created.status).toBe(201)
    tokens.member = await client.login('members', 'contract.member@example.org', PASSWORD)
    const served = await request('GET', '/api/openapi.json', {})
    expect(served.status).toBe(200)
    document = JSON.parse(served.text) as ContractDocument
  }, 120_000)

  afterAll(async () => {
    await server?.stop()
  })

  describe('/api/openapi.json', () => {
    test('is OpenAPI 3.1, public, cached and compressed like the other public reads', async () => {
      expect((document as { openapi?: string }).openapi).toBe('3.1.0')
      // The cache compresses a kept answer after sending it: the first readers may get it as it is.
      let first = await request('GET', '/api/openapi.json', { 'Accept-Encoding': 'br' })
      for (let tries = 0; first.headers['content-encoding'] !== 'br' && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        first = await request('GET', '/api/openapi.json', { 'Accept-Encoding': 'br' })
      }
      expect(first.headers['content-encoding']).toBe('br')
      expect(first.headers['cache-control']).toMatch(/^public/)
      const etag = String(first.headers.etag)
      const again = await request('GET', '/api/openapi.json', {
        'Accept-Encoding': 'br',
        'If-None-Match': etag,
      })
      expect(again.status).toBe(304)
      const compressed = Number(first.headers['content-length'])
      console.info(`openapi.json over HTTP: ${compressed} bytes with brotli`)
      expect(compressed).toBeLessThan(100_000)
    })
  })

  describe('/api/docs', () => {
    test('is an HTML page under its own policy, with its assets from this origin', async () => {
      const page = await request('GET', '/api/docs', {})
      expect(page.status).toBe(200)
      expect(page.contentType).toMatch(/^text\/html/)
      const policy = String(page.headers['content-security-policy'])
      expect(policy).toContain("script-src 'self'")
      expect(policy).not.toContain('unsafe-eval')
      const html = page.text
      for (const asset of html.match(/\/api\/docs\/[\w.-]+/g) ?? []) {
        const response = await request('GET', asset, {})
        expect([asset, response.status]).toEqual([asset, 200])
        expect(response.contentType).toMatch(/^text\/(css|javascript)/)
      }
      await check('GET', '/api/docs/not-a-file.js')
    })
  })

  describe('REST reads match the document', () => {
    const listed = () =>
      Object.keys(document.paths).filter(
        (path) => /^\/api\/[\w-]+$/.test(path) && path !== '/api/graphql' && path !== '/api/docs',
      )

    test.each<Caller>(['anonymous', 'member', 'staff'])(
      'every collection, listed and by id, as %s',
      async (caller) => {
        let compared = 0
        for (const path of listed()) {
          if (!document.paths[path].get) continue
          const { status, body } = await check('GET', `${path}?limit=5&depth=1`, caller)
          expect([path, status]).toEqual([path, expect.any(Number)])
          if (status !== 200) continue
          compared += 1
          const [first] = docsOf(body)
          if (first) await check('GET', `${path}/${first.id}?depth=2`, caller)
        }
        expect(compared).toBeGreaterThan(5)
      },
    )

    test('ids only at depth 0, drafts for staff, a global, GraphQL', async () => {
      await check('GET', '/api/blogs?depth=0&limit=3', 'anonymous')
      await check('GET', '/api/blogs?draft=true&limit=3&where[_status][equals]=draft', 'staff')
      await check('GET', '/api/blogs/count', 'anonymous')
      await check('GET', '/api/globals/comment-policy', 'anonymous')
      await check('POST', '/api/graphql', 'anonymous', {
        json: { query: '{ Blogs(limit: 2) { docs { id title } } }' },
      })
    })
  })

  describe('writes match the document', () => {
    test('create, update and delete a lab theme (staff)', async () => {
      const created = await check('POST', '/api/lab-themes', 'staff', {
        json: { title: 'Contract theme', year: 2026, summary: 'For the contract test.' },
      })
      const id = (created.body as { doc?: { id: number } }).doc?.id
      expect([created.status, typeof id]).toEqual([201, 'number'])
      await check('PATCH', `/api/lab-themes/${id}`, 'staff', { json: { title: 'Renamed theme' } })
      await check('DELETE', `/api/lab-themes/${id}`, 'staff')
    })
  })

  /** Custom endpoints and refusals: [method, path, caller, body?]. */
  const CHECKS: [string, string, Caller, unknown?][] = [
    ['GET', '/healthz', 'anonymous'],
    ['GET', '/readyz', 'anonymous'],
    ['GET', '/api/members/me', 'member'],
    ['GET', '/api/users/me', 'anonymous'],
    ['GET', '/api/members/directory?limit=5', 'anonymous'],
    ['GET', '/api/members/directory?limit=5', 'member'],
    ['GET', '/api/members/directory?region=mars', 'anonymous'],
    ['GET', '/api/network/stats', 'anonymous'],
    ['GET', '/api/network/growth?interval=month', 'anonymous'],
    ['GET', '/api/network/stats?at=2026-02-30', 'anonymous'],
    ['GET', '/api/network/brokers', 'anonymous'],
    ['GET', '/api/network/brokers', 'member'],
    ['GET', '/api/comments/stats', 'anonymous'],
    ['GET', '/api/comments/thread?collection=nope&id=1', 'anonymous'],
    ['GET', '/api/comments/thread?collection=blogs&id=999999', 'anonymous'],
    ['GET', '/api/subscribers/me', 'member'],
    ['GET', '/api/members/me/export', 'member'],
    ['GET', '/api/members/me/export', 'anonymous'],
    ['POST', '/api/members/erase/confirm', 'anonymous', { token: 'not a token' }],
    ['POST', '/api/members/1/erase', 'anonymous', { reason: 'contract check' }],
    ['POST', '/api/subscribers/subscribe', 'anonymous', { email: 'not an address' }],
    [
      'POST',
      '/api/subscribers/subscribe',
      'anonymous',
      { email: 'a@example.org', frequency: 'daily' },
    ],
    ['GET', '/api/subscribers/preferences?token=nope', 'anonymous'],
    ['GET', '/api/read-cache/stats', 'staff'],
    ['GET', '/api/read-cache/stats', 'member'],
    ['GET', '/api/blogs/999999', 'anonymous'],
    ['GET', '/api/blogs?limit=500', 'anonymous'],
    ['GET', '/api/users', 'anonymous'],
    ['POST', '/api/members/login', 'anonymous', { email: 'nobody@example.org', password: 'wrong' }],
    ['POST', '/api/members/first-register', 'anonymous', { email: 'x@example.org', password: 'x' }],
    ['POST', '/api/comments/1/report', 'anonymous', { reason: 'spam' }],
    ['GET', '/api/comments/transparency', 'anonymous'],
    ['GET', '/api/comments/transparency?month=1999-12', 'anonymous'],
    ['POST', '/api/comments/1/appeal', 'anonymous', { reason: 'A contract check reason' }],
    ['POST', '/api/comments/999999/appeal', 'member', { reason: 'A contract check reason' }],
    // Feeds, calendars, the sitemap, search and webhooks (src/frontends, src/webhooks).
    ['GET', '/api/feeds/all.json', 'anonymous'],
    ['GET', '/api/feeds/blogs.xml', 'anonymous'],
    ['GET', '/api/feeds/interviews.atom', 'member'],
    ['GET', '/api/feeds/members.json', 'anonymous'],
    ['GET', '/api/feeds/blogs.json?page=2', 'anonymous'],
    ['GET', '/api/events.ics', 'anonymous'],
    ['GET', '/api/events.ics?region=mars', 'anonymous'],
    ['GET', '/api/events/99999.ics', 'anonymous'],
    ['GET', '/api/sitemap.xml', 'anonymous'],
    ['GET', '/api/sitemaps/9.xml', 'anonymous'],
    ['GET', '/api/search?q=improvement&limit=5', 'anonymous'],
    ['GET', '/api/search?q=improvment', 'anonymous'],
    ['GET', '/api/search?q=', 'anonymous'],
    ['GET', '/api/search?q=care&collections=members', 'anonymous'],
    ['POST', '/api/webhooks/99999/test', 'staff'],
    ['POST', '/api/webhooks/1/test', 'member'],
    ['GET', '/api/webhooks', 'staff'],
    ['GET', '/api/webhook-deliveries', 'member'],
  ]

  describe('custom endpoints and refusals match the document', () => {
    // Rows have three or four items: a callback taking more arguments than a row would be handed
    // jest's `done` in the fourth and wait for it for ever, so it takes the row whole.
    test.each(CHECKS)('%s %s as %s', async (...row) => {
      const [method, path, caller, json] = row
      await check(method, path, caller, json === undefined ? {} : { json })
    })

    test('the thread and its reply tree of a seeded blog', async () => {
      const { body } = await check('GET', '/api/blogs?limit=1&depth=0', 'anonymous')
      const [blog] = docsOf(body)
      const thread = await check('GET', `/api/comments/thread?collection=blogs&id=${blog.id}`)
      expect(thread.status).toBe(200)
    })
  })
})
