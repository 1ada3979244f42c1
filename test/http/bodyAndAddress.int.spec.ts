/**
 * What the express host does before Payload sees a request: body limits on the bytes actually
 * received, whatever the framing, and the client's address behind a proxy (TRUST_PROXY).
 * Real HTTP to the built server in production mode.
 */
import net from 'node:net'

import { api, errorPaths, type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>

const LOGIN_LIMIT = 5

beforeAll(async () => {
  server = await startServer('http-body-address', { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: String(LOGIN_LIMIT) })
  client = api(server.url)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** A JSON body of about `bytes`, sent chunked: a stream body has no Content-Length. */
const chunkedJSON = async (pathname: string, bytes: number) => {
  const json = JSON.stringify({ query: '{ __typename }', email: 'chunked@example.org', body: 'x'.repeat(bytes) })
  const encoded = new TextEncoder().encode(json)
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < encoded.length; offset += 64 * 1024) controller.enqueue(encoded.slice(offset, offset + 64 * 1024))
      controller.close()
    },
  })
  const response = await fetch(`${server.url}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit)
  return { status: response.status, body: (await response.json()) as Parameters<typeof errorPaths>[0] }
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
    const body = Buffer.from(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }))
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
    await expect(startServer('http-trust-true', { TRUST_PROXY: 'true' })).rejects.toThrow(/TRUST_PROXY=true[\s\S]*TRUST_PROXY=1/)
  })
})
