/**
 * The public read cache, from the outside: the built app behind the express host, on the demo
 * content. Anonymous reads are served from memory in the encoding asked for, with strong ETags
 * and 304s; reads with credentials never touch the cache; figures are for admins only.
 */
import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>
let adminToken: string
let editorToken: string
let memberToken: string

const PASSWORD = 'a-long-test-password'

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A GET without fetch's automatic decompression: the exact bytes and headers the server sent. */
const rawGet = (path: string, headers: Record<string, string> = {}) =>
  new Promise<RawResponse>((resolve, reject) => {
    const request = http.get(`${server.url}${path}`, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
  })

type Figures = {
  hits: number
  misses: number
  notModified: number
  stores: number
  entries: number
  bytes: number
  maxBytes: number
}
const figures = async (): Promise<Figures> => {
  const response = await client.request('GET', '/api/read-cache/stats', { token: adminToken })
  expect(response.status).toBe(200)
  return response.body as unknown as Figures
}

beforeAll(async () => {
  server = await startServer('read-cache', { CORS_ORIGINS: 'https://frontend.example.org' })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const editor = await client.request('POST', '/api/users', {
    token: adminToken,
    json: {
      name: 'Cache Editor',
      email: 'cache.editor@example.org',
      password: PASSWORD,
      roles: ['editor'],
    },
  })
  expect(editor.status).toBe(201)
  editorToken = await client.login('users', 'cache.editor@example.org', PASSWORD)
  const member = await client.request('POST', '/api/members', {
    token: adminToken,
    json: {
      name: 'Cache Member',
      email: 'cache.member@example.org',
      password: PASSWORD,
      profession: 'nurse',
      region: 'wales',
    },
  })
  expect(member.status).toBe(201)
  memberToken = await client.login('members', 'cache.member@example.org', PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('anonymous REST reads', () => {
  const path = '/api/blogs?limit=5&depth=1'

  test('are kept once and then served from memory in brotli, gzip or as they are, all the same document', async () => {
    const identity = await rawGet(path)
    expect(identity.status).toBe(200)
    // Compressing is off the miss's path: the copies are ready a moment later.
    for (
      let attempt = 0;
      attempt < 50 &&
      (await rawGet(path, { 'Accept-Encoding': 'br' })).headers['content-encoding'] !== 'br';
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const before = await figures()
    const brotli = await rawGet(path, { 'Accept-Encoding': 'gzip, deflate, br' })
    const gzipped = await rawGet(path, { 'Accept-Encoding': 'gzip' })
    const after = await figures()
    expect(after.hits - before.hits).toBe(2)
    expect(after.misses).toBe(before.misses)

    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(brotli.body.length).toBeLessThan(identity.body.length)
    expect(gzipped.body.length).toBeLessThan(identity.body.length)
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length)
    expect(brotliDecompressSync(brotli.body).equals(identity.body)).toBe(true)
    expect(gunzipSync(gzipped.body).equals(identity.body)).toBe(true)
    expect(JSON.parse(identity.body.toString()).docs.length).toBeGreaterThan(0)

    // One strong ETag per encoding of the same content.
    const tags = [identity, brotli, gzipped].map((response) => response.headers.etag)
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/)
    expect(new Set(tags).size).toBe(3)
    for (const response of [identity, brotli, gzipped]) {
      expect(response.headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=10, stale-while-revalidate=30',
      )
      expect(response.headers.vary).toContain('Accept-Encoding')
      expect(response.headers['content-type']).toMatch(/^application\/json/)
    }
  })

  test("If-None-Match with any encoding's ETag gets an empty 304, counted", async () => {
    const first = await rawGet(path, { 'Accept-Encoding': 'br' })
    const before = await figures()
    for (const tag of [
      first.headers.etag as string,
      (first.headers.etag as string).replace('-br"', '"'),
    ]) {
      const revalidated = await rawGet(path, { 'If-None-Match': tag, 'Accept-Encoding': 'gzip' })
      expect(revalidated.status).toBe(304)
      expect(revalidated.body.length).toBe(0)
      expect(revalidated.headers.etag).toMatch(/-gz"$/)
    }
    const stale = await rawGet(path, { 'If-None-Match': '"not-this-one"' })
    expect(stale.status).toBe(200)
    expect((await figures()).notModified - before.notModified).toBe(2)
  })

  test('allowed origins get CORS headers on cached copies; others do not', async () => {
    await rawGet(path)
    const allowed = await rawGet(path, { Origin: 'https://frontend.example.org' })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://frontend.example.org')
    const other = await rawGet(path, { Origin: 'https://evil.example.com' })
    expect(other.status).toBe(200)
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('errors are answered every time and never kept', async () => {
    const before = await figures()
    for (let attempt = 0; attempt < 2; attempt++) {
      const missing = await rawGet('/api/blogs/987654')
      expect(missing.status).toBe(404)
      expect(missing.headers.etag).toBeUndefined()
      const refused = await rawGet('/api/blogs?limit=500')
      expect(refused.status).toBe(400)
    }
    expect((await figures()).stores).toBe(before.stores)
  })

  test('concurrent identical misses run Payload once', async () => {
    const fresh = `/api/interviews?limit=3&sort=-createdAt&page=1&concurrency=${Date.now()}`
    const before = await figures()
    const responses = await Promise.all(Array.from({ length: 20 }, () => rawGet(fresh)))
    for (const response of responses) expect(response.status).toBe(200)
    expect(new Set(responses.map((response) => response.headers.etag)).size).toBe(1)
    const after = await figures()
    expect(after.stores - before.stores).toBe(1)
  })
})

describe('reads with credentials', () => {
  const slug = 'welcome-to-q-online-march-2027'
  const eventPath = `/api/events?where[slug][equals]=${slug}`

  test.each([
    ['a member (Authorization)', () => ({ Authorization: `JWT ${memberToken}` })],
    // Payload accepts its cookie only from an origin in its CSRF list.
    [
      'a member (auth cookie)',
      () => ({ Cookie: `theme=dark; payload-token=${memberToken}`, Origin: server.url }),
    ],
    // Payload trims cookie names: this is a login too, and must not fill the public copy.
    [
      'a member (auth cookie with a space before =)',
      () => ({ Cookie: `payload-token =${memberToken}`, Origin: server.url }),
    ],
  ])('%s never gets the public copy, and the public never gets theirs', async (_name, headers) => {
    const publicFirst = await rawGet(eventPath)
    await rawGet(eventPath)
    expect(JSON.parse(publicFirst.body.toString()).docs[0]).not.toHaveProperty('onlineUrl')
    const before = await figures()
    const memberView = await rawGet(eventPath, headers())
    expect(memberView.status).toBe(200)
    expect(JSON.parse(memberView.body.toString()).docs[0].onlineUrl).toMatch(/^https:\/\//)
    expect(memberView.headers['cache-control']).toBe('private, no-store')
    expect(memberView.headers.etag).toBeUndefined()
    const publicAfter = await rawGet(eventPath)
    expect(JSON.parse(publicAfter.body.toString()).docs[0]).not.toHaveProperty('onlineUrl')
    const after = await figures()
    // Only the public read was a hit; the member's read was neither a hit nor a miss.
    expect(after.hits - before.hits).toBe(1)
    expect(after.misses).toBe(before.misses)
  })
})

test("another app's *-token cookie is not a login: the reader still gets the cached copy", async () => {
  const path = '/api/lab-themes?limit=2'
  await rawGet(path)
  const before = await figures()
  const response = await rawGet(path, { Cookie: 'next-auth.csrf-token=abc; theme=dark' })
  expect(response.status).toBe(200)
  expect(response.headers['cache-control']).toMatch(/^public/)
  expect((await figures()).hits - before.hits).toBe(1)
})

describe('GraphQL', () => {
  const query = '{ Blogs(limit: 2, sort: "-publishedAt") { docs { id title } } }'

  test('queries are cached by POST and answered by GET with the same data', async () => {
    const first = await client.graphql(query)
    const before = await figures()
    const second = await client.graphql(query)
    expect((await figures()).hits - before.hits).toBe(1)
    expect(second.text).toBe(first.text)
    // The same content's tag (the miss went out as it is, the hit compressed).
    const contentTag = (tag: string | null) => tag?.replace(/-(?:gz|br)"$/, '"')
    expect(contentTag(second.headers.get('etag'))).toBe(contentTag(first.headers.get('etag')))
    const viaGet = await client.request('GET', `/api/graphql?query=${encodeURIComponent(query)}`)
    expect(viaGet.status).toBe(200)
    expect(viaGet.body).toEqual(first.body)
    expect(
      (first.body as unknown as { data: { Blogs: { docs: unknown[] } } }).data.Blogs.docs.length,
    ).toBeGreaterThan(0)
  })

  test('a mutation by GET is refused with 405 naming the query, and never runs', async () => {
    const response = await client.request(
      'GET',
      `/api/graphql?query=${encodeURIComponent('mutation { logoutMember }')}`,
    )
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(JSON.stringify(response.body)).toContain('"field":"query"')
  })

  test('a logged-in query is not cached', async () => {
    const before = await figures()
    const response = await client.graphql(query, editorToken)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBeNull()
    const after = await figures()
    expect(after.hits + after.misses).toBe(before.hits + before.misses)
  })
})

describe('GET /api/read-cache/stats', () => {
  test.each([
    ['anonymous', () => undefined, 403],
    ['a member', () => memberToken, 403],
    ['an editor', () => editorToken, 403],
    ['an admin', () => adminToken, 200],
  ])('%s → %i', async (_name, token, status) => {
    const response = await client.request('GET', '/api/read-cache/stats', { token: token() })
    expect(response.status).toBe(status)
    if (status === 200) {
      expect(response.body).toMatchObject({
        enabled: true,
        generationStore: 'memory',
        maxBytes: 64 * 1024 * 1024,
      })
      expect(response.headers.get('cache-control')).toBe('private, no-store')
    } else {
      expect(response.body).not.toHaveProperty('hits')
    }
  })
})
