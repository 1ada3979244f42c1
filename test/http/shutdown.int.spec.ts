/**
 * SIGTERM: the host stops taking new connections, lets in-flight requests finish, closes the
 * database and exits 0.
 */
import http from 'node:http'

import { makeReportPdf } from '@/seed/demoFiles'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await startServer('http-shutdown', { SEED: 'true' })
}, 120_000)

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL')
})

/** Starts a multipart upload, sends half of it, and returns a way to send the rest. */
const startSlowUpload = (token: string) => {
  const boundary = '----qcmsShutdownTest'
  const pdf = makeReportPdf('Uploaded during shutdown')
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ alt: 'During shutdown' })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="late.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Buffer.concat([head, pdf, tail])
  const half = Math.floor(body.length / 2)
  const { port } = new URL(server.url)
  let resolveResponse: (value: { status: number; body: string }) => void
  let rejectResponse: (error: Error) => void
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    resolveResponse = resolve
    rejectResponse = reject
  })
  const request = http.request(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/media',
      headers: {
        Authorization: `JWT ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': body.length,
      },
    },
    (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body: text }))
    },
  )
  request.on('error', (error) => rejectResponse(error))
  request.write(body.subarray(0, half))
  return { finish: () => request.end(body.subarray(half)), response }
}

test('in-flight requests finish, new connections are refused, the database is closed, exit code 0', async () => {
  const client = api(server.url)
  const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const upload = startSlowUpload(token)
  await new Promise((resolve) => setTimeout(resolve, 200))

  server.child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 300))
  // The listener is closed: a new connection is refused while the upload is still open.
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  expect(server.child.exitCode).toBeNull()

  upload.finish()
  const response = await upload.response
  expect(response.status).toBe(201)
  expect(JSON.parse(response.body).doc.filename).toMatch(/^late.*\.pdf$/)

  await expect(server.exited).resolves.toBe(0)
  expect(server.output()).toContain('SIGTERM: finishing in-flight requests')
  expect(server.output()).toContain('database closed')
})
