/**
 * How the MongoDB tests choose their server (test/helpers/mongo.ts), against real sockets: a download
 * server that never answers and one that refuses must both end in one skip line, quickly.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { findMongoForTests } from '../helpers/mongo'

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )

/** Settings these tests replace: the server choice, the package's download settings, and any proxy. */
const CHANGED_VARIABLES = [
  'MONGODB_URL',
  'MONGOMS_DOWNLOAD_DIR',
  'MONGOMS_VERSION',
  'MONGOMS_DOWNLOAD_URL',
  'MONGOMS_DOWNLOAD_MIRROR',
  'MONGOMS_SYSTEM_BINARY',
  'yarn_https-proxy',
  'yarn_proxy',
  'npm_config_https-proxy',
  'npm_config_proxy',
  'https_proxy',
  'http_proxy',
  'HTTPS_PROXY',
  'HTTP_PROXY',
]
const savedEnv = Object.fromEntries(CHANGED_VARIABLES.map((name) => [name, process.env[name]]))

beforeEach(() => {
  for (const name of CHANGED_VARIABLES) delete process.env[name]
  // A version and a folder no earlier download can have filled, so the download is really needed.
  process.env.MONGOMS_VERSION = '0.0.1'
  process.env.MONGOMS_DOWNLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), 'q-cms-mongoms-'))
})

afterEach(() => {
  rmSync(process.env.MONGOMS_DOWNLOAD_DIR as string, { recursive: true, force: true })
})

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

test('MONGODB_URL is used as it is, without looking for a download', async () => {
  process.env.MONGODB_URL = 'mongodb://db.example.org:27017'
  process.env.MONGOMS_DOWNLOAD_MIRROR = 'http://127.0.0.1:9'
  const mongo = await findMongoForTests()
  if (!mongo.available) throw new Error(`expected MONGODB_URL to be used, got: ${mongo.skipLine}`)
  const running = await mongo.start()
  expect(running.url).toBe('mongodb://db.example.org:27017')
  await running.stop()
})

test('a download server that never answers ends in one skip line once the bound has passed', async () => {
  const silent = createServer(() => {})
  const port = await listen(silent)
  process.env.MONGOMS_DOWNLOAD_MIRROR = `https://127.0.0.1:${port}`
  const started = performance.now()
  const mongo = await findMongoForTests({ downloadServerTimeoutMs: 300 })
  const elapsed = performance.now() - started
  silent.close()
  expect(mongo).toEqual({
    available: false,
    skipLine: expect.stringMatching(
      /^Skipping MongoDB tests: .*did not answer within 0.3 s.*set MONGODB_URL/,
    ),
  })
  expect(elapsed).toBeLessThan(2_000)
})

test('a refused download ends in one skip line naming the refusal', async () => {
  const closed = createServer()
  const port = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
  process.env.MONGOMS_DOWNLOAD_MIRROR = `http://127.0.0.1:${port}`
  const mongo = await findMongoForTests()
  if (mongo.available) throw new Error('expected a skip with the download refused')
  expect(mongo.skipLine).toMatch(/^Skipping MongoDB tests: MONGODB_URL is not set .*ECONNREFUSED/)
  expect(mongo.skipLine).not.toContain('\n')
})
