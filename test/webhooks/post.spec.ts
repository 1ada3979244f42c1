import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { postJSON } from '../../src/webhooks/post'

/** A local receiver whose answer each test chooses. */
let server: Server
let respond: (res: ServerResponse) => void = (res) => res.end('ok')
let received = 0
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    received++
    req.resume()
    req.on('end', () => respond(res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  received = 0
})

const post = (url: string, options: { allowPrivate?: boolean; timeoutMs?: number } = {}) =>
  postJSON({
    url,
    headers: {},
    body: '{}',
    timeoutMs: options.timeoutMs ?? 2000,
    allowPrivate: options.allowPrivate ?? true,
  })

describe('postJSON: one POST, never a surprise', () => {
  test('a 2xx answer with the start of its body', async () => {
    respond = (res) => res.end('x'.repeat(2000))
    const result = await post(`${base}/hook`)
    expect(result).toMatchObject({ status: 200, body: 'x'.repeat(500) })
    expect(result.error).toBeUndefined()
  })

  test('a redirect is not followed: it is the answer', async () => {
    respond = (res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end()
    const result = await post(`${base}/hook`)
    expect(result.status).toBe(302)
    expect(received).toBe(1)
  })

  test('no answer within the timeout is a failure, not a hang', async () => {
    respond = () => undefined
    const result = await post(`${base}/hook`, { timeoutMs: 200 })
    expect(result).toMatchObject({ status: null, error: 'No response within 200 ms.' })
  })

  test('a closed port is a failure with the reason', async () => {
    const result = await post('http://127.0.0.1:1/hook')
    expect(result.status).toBeNull()
    expect(result.error).toMatch(/ECONNREFUSED/)
  })

  test.each([
    ['an IP literal', () => `${base}/hook`],
    ['a name that resolves to loopback', () => base.replace('127.0.0.1', 'localhost')],
  ])('private addresses are refused before connecting: %s', async (_name, url) => {
    const result = await post(url(), { allowPrivate: false })
    expect(result).toMatchObject({ status: null, error: expect.stringMatching(/private/) })
    expect(received).toBe(0)
  })
})
