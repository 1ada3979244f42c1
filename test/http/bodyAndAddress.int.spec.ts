/**
 * What the express host does before Payload sees a request: body limits on the bytes actually
 * received, whatever the framing, malformed input answered 4xx naming the parameter (and logged at
 * info), and the client's address behind a proxy (TRUST_PROXY).
 * Real HTTP to the built server in production mode.
 */
import net from 'node:net'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>

const LOGIN_LIMIT = 8

beforeAll(async () => {
  server = await startServer('http-body-address', {
    TRUST_PROXY: '1',
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
  })
  client = api(server.url)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** A JSON body of about `bytes`, sent chunked: a stream body has no Content-Length. */
const chunkedJSON = async (pathname: string, bytes: number) => {
  const json = JSON.stringify({
    query: '{ __typename }',
    email: 'chunked@example.org',
    body: 'x'.repeat(bytes),
  })
  const encoded = new TextEncoder().encode(json)
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < encoded.length; offset += 64 * 1024)
        controller.enqueue(encoded.slice(offset, offset + 64 * 1024))
      controller.close()
    },
  })
  const response = await fetch(`${server.url}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit)
  return {
    status: response.status,
    body: (await response.json()) as Parameters<typeof errorPaths>[0],
  }
}

/** Writes raw bytes on a fresh connection and resolves with the status line of the answer. */
const rawRequest = (head: string, body: Buffer) =>
  new Promise<string>((resolve, reject) => {
    const url = new URL(server.url)
    const socket = net.connect(Number(url.port), url.hostname)
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => resolve(answer.split('\r\n')[0]))
    socket.on('close', () => resolve(answer.split('\r\n')[0]))
    socket.setTimeout(10_000, () => {
      socket.destroy()
      reject(new Error('no answer within 10 s'))
    })
    socket.write(head)
    socket.end(body)
  })

describe('body limits whatever the framing', () => {
  test.each(['/api/comments', '/api/graphql', '/api/subscribers/subscribe', '/api/blogs'])(
    'a chunked 2 MB JSON body to %s → 413 naming body',
    async (pathname) => {
      const response = await chunkedJSON(pathname, 2 * 1024 * 1024)
      expect(response.status).toBe(413)
      expect(errorPaths(response.body)).toContain('body')
      expect((await client.request('GET', '/healthz')).status).toBe(200)
    },
  )

  test('a small chunked JSON body is read as usual', async () => {
    const response = await chunkedJSON('/api/graphql', 10)
    expect(response.status).toBe(200)
    expect(response.body.data).toEqual({ __typename: 'Query' })
  })

  test('a Content-Length smaller than the body sent: only the declared bytes are read, and the rest is refused', async () => {
    const body = Buffer.from(
      JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }),
    )
    const statusLine = await rawRequest(
      `POST /api/graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n`,
      body,
    )
    expect(statusLine).toMatch(/^HTTP\/1\.1 4\d\d/)
    expect((await client.request('GET', '/healthz')).status).toBe(200)
  })

  test('an upload without a declared length → 411 naming body', async () => {
    const statusLine = await rawRequest(
      'POST /api/media HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      Buffer.from('5\r\n--x--\r\n0\r\n\r\n'),
    )
    expect(statusLine).toMatch(/^HTTP\/1\.1 411/)
  })

  test.each(['/api/members/confirm-email', '/api/subscribers/subscribe', '/api/blogs'])(
    'a 2 MB multipart body to %s, which takes no files, → 413 naming body (uploads only where files go)',
    async (pathname) => {
      const form = new FormData()
      form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 'x')]), 'big.pdf')
      const response = await fetch(`${server.url}${pathname}`, { method: 'POST', body: form })
      expect(response.status).toBe(413)
      expect(errorPaths((await response.json()) as Parameters<typeof errorPaths>[0])).toContain(
        'body',
      )
    },
  )

  test('a GraphQL body over GRAPHQL_BODY_MAX_BYTES (100 KB) → 413 naming body, before it is parsed', async () => {
    const query = `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`
    const response = await client.request('POST', '/api/graphql', { json: { query } })
    expect(response.status).toBe(413)
    expect(errorPaths(response.body)).toContain('body')
  })
})

describe('malformed input gets a 4xx naming the parameter, never a 500, and no ERROR in the log', () => {
  const deepWhere = `where${'[and][0]'.repeat(1500)}[title][equals]=x`
  test.each([
    ['GET', '/api/blogs?where[title][intersects]=x', undefined, undefined, 400, 'where'],
    ['GET', '/api/blogs?where[_status][near]=x', undefined, undefined, 400, 'where'],
    ['GET', '/api/blogs?where=abc', undefined, undefined, 400, 'where'],
    [
      'GET',
      '/api/blogs?where[publishedAt][greater_than]=not-a-date',
      undefined,
      undefined,
      400,
      'where',
    ],
    ['GET', '/api/blogs?where[title][equals][a]=b', undefined, undefined, 400, 'where'],
    ['GET', '/api/blogs?sort=nonexistent', undefined, undefined, 400, 'sort'],
    ['GET', '/api/blogs?select=title', undefined, undefined, 400, 'select'],
    ['GET', '/api/blogs?data=%7Bbroken', undefined, undefined, 400, 'data'],
    ['POST', '/api/lab-themes/1/duplicate?where=not-json', 'application/json', '{}', 400, 'where'],
    ['GET', '/api/blogs/abc', undefined, undefined, 404, 'id'],
    ['GET', '/api/lab-themes/versions', undefined, undefined, 404, 'path'],
    ['GET', '/api/payload-migrations', undefined, undefined, 404, 'path'],
    ['GET', '/api/no-such-thing', undefined, undefined, 404, 'path'],
    ['PUT', '/api/blogs', undefined, undefined, 405, 'method'],
    ['PROPFIND', '/api/blogs', undefined, undefined, 405, 'method'],
    ['GET', '/api/%E0%A4%A', undefined, undefined, 400, 'path'],
    ['POST', '/api/graphql', 'application/json', '{"query": "{ __typename ', 400, 'body'],
    ['POST', '/api/graphql', 'application/json', 'null', 400, 'body'],
    ['POST', '/api/graphql', 'text/plain', '{"query":"{ __typename }"}', 415, 'body'],
    // 200 KB: past GraphQL's own body limit, so sent where 1 MB bodies are read.
    [
      'POST',
      '/api/comments',
      'application/json',
      '['.repeat(100_000) + ']'.repeat(100_000),
      400,
      'body',
    ],
    [
      'POST',
      '/api/graphql',
      'application/json',
      `{"query":${'['.repeat(500)}${']'.repeat(500)}}`,
      400,
      'body',
    ],
    ['POST', '/api/comments', 'text/plain', 'hello', 415, 'body'],
    ['POST', '/api/comments', 'application/json', '[]', 400, 'body'],
    ['POST', '/api/subscribers/subscribe', 'application/json', '"text"', 400, 'body'],
    ['POST', '/api/members/login', 'multipart/form-data; boundary=x', 'd', 400, 'body'],
    [
      'POST',
      '/api/users/forgot-password',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{bad\r\n--x--\r\n',
      400,
      'body',
    ],
  ])('%s %s (%s) → %i naming %s', async (method, pathname, contentType, body, status, field) => {
    const response = await client.request(method, pathname, {
      body,
      headers: contentType ? { 'Content-Type': contentType } : {},
    })
    expect(response.status).toBe(status)
    expect(errorPaths(response.body)).toContain(field)
  })

  test('invalid UTF-8 in a JSON body → 400 naming body', async () => {
    const response = await client.request('POST', '/api/members/login', {
      body: new Uint8Array([
        0x7b, 0x22, 0x65, 0x6d, 0x61, 0x69, 0x6c, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d,
      ]),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('body')
  })

  test("a read with its query in a form body (X-Payload-HTTP-Method-Override: GET) is the admin's alone", async () => {
    const request = (token?: string) =>
      client.request('POST', '/api/media', {
        token,
        body: 'where[id][in][0]=1&depth=0&limit=1',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
      })
    const anonymous = await request()
    expect(anonymous.status).toBe(415)
    expect(errorPaths(anonymous.body)).toContain('body')
    const staff = await request(await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD))
    expect(staff.status).toBe(200)
    expect(staff.body.docs).toEqual(expect.any(Array))
  })

  test('a where nested 1,500 levels is refused with a 4xx', async () => {
    const response = await client.request('GET', `/api/blogs?${deepWhere}`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  test('refused requests (401, 403, 404, 4xx) leave no ERROR line and no stack in the log', async () => {
    await client.request('GET', '/api/members/me', {
      headers: { Authorization: 'JWT not-a-token' },
    })
    await client.request('DELETE', '/api/blogs/1')
    await client.request('POST', '/api/blogs', { json: { title: 'anonymous' } })
    await client.request('GET', '/api/payload-locked-documents')
    await client.request('POST', '/api/members/login', {
      json: { email: 'nobody@example.org', password: 'wrong' },
    })
    await client.graphql('mutation { createBlog(data: { title: "x" }) { id } }')
    await client.graphql('{ Blogs(where: { nonexistent: { equals: "x" } }) { docs { id } } }')
    await client.request('GET', '/api/blogs?where[nonexistent][equals]=1')
    await client.request('GET', '/api/comments/thread?collection=nothing&id=1')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.output()).not.toMatch(/ERROR/)
    expect(server.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  })
})

describe('client address behind one proxy (TRUST_PROXY=1)', () => {
  test('a spoofed leftmost X-Forwarded-For does not escape the login rate limit', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < LOGIN_LIMIT + 3; attempt++) {
      const response = await client.request('POST', '/api/members/login', {
        json: { email: 'nobody@example.org', password: 'wrong' },
        // The client's own choice first, then the address the trusted proxy appended.
        headers: { 'X-Forwarded-For': `198.51.100.${attempt}, 203.0.113.7` },
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(-2)).toEqual([429, 429])
    // Another client behind the same proxy is not affected.
    const other = await client.request('POST', '/api/members/login', {
      json: { email: 'nobody@example.org', password: 'wrong' },
      headers: { 'X-Forwarded-For': '203.0.113.8' },
    })
    expect(other.status).not.toBe(429)
  })

  test('TRUST_PROXY=true refuses to start, saying what to set instead', async () => {
    await expect(startServer('http-trust-true', { TRUST_PROXY: 'true' })).rejects.toThrow(
      /TRUST_PROXY=true[\s\S]*TRUST_PROXY=1/,
    )
  })
})
