/**
 * A mixed public load against the real express host: readers, members and guests commenting,
 * visitors subscribing, 24 clients at once. Nothing may fail (no 5xx, no 429, no dropped
 * connection) and every acknowledged write must be in the database afterwards.
 * `npm test` runs it for LOAD_SECONDS (default 8); `npm run load` runs 30 s and records figures.
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer, startServer } from '../helpers/server'
import {
  LOAD_ENV,
  type LoadResult,
  type LoadTarget,
  missingWritesOnceQueued,
  prepareLoad,
  READ_KINDS,
  runMixedLoad,
  WRITE_KINDS,
} from './mixedLoad'

const SECONDS = Number(process.env.LOAD_SECONDS || 8)
const CONCURRENCY = 24

let server: RunningServer
let target: LoadTarget
let result: LoadResult

beforeAll(
  async () => {
    server = await startServer('load', LOAD_ENV)
    target = await prepareLoad(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
    result = await runMixedLoad(target, { seconds: SECONDS, concurrency: CONCURRENCY })
  },
  120_000 + SECONDS * 1000,
)

afterAll(async () => {
  await server?.stop()
})

test(`${CONCURRENCY} clients for ${SECONDS} s of reads, comments and subscribes: no request fails`, () => {
  // Shown whole on failure: the status and body say what broke.
  expect(result.failures.slice(0, 20)).toEqual([])
  for (const kind of [...READ_KINDS, ...WRITE_KINDS])
    expect([kind, result.latencies[kind].length > 0]).toEqual([kind, true])
})

test('every acknowledged comment and subscriber is in the database', async () => {
  expect(result.comments.length).toBeGreaterThan(0)
  expect(result.subscribers.length).toBeGreaterThan(0)
  expect(await missingWritesOnceQueued(server.url, target.adminToken, result)).toEqual({
    comments: [],
    subscribers: [],
  })
})

test('idle connections stay open longer than a load balancer keeps them (no reset as a request arrives)', async () => {
  // Node's default 5 s closed busy clients' connections under them: ECONNRESET in `npm run load`.
  const response = await fetch(`${server.url}/healthz`)
  await response.text()
  expect(response.headers.get('keep-alive')).toBe('timeout=65')
})

test('the server logged no error while under load', () => {
  expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked|\bERROR\b/)
})
