/**
 * `npm run seed` against a database the server has already migrated, while that server runs:
 * the command must apply no development schema over the migrated one, load the demo content
 * (visible at once through the running server), and add nothing on a second run.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { createTestDatabaseURL } from '../helpers/testDatabase'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Runs the bundled seed command as `npm run seed` does. */
const runSeed = (env: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    // A developer's shell: development mode unless the command itself chooses production.
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      ...env,
    }
    const child = spawn(process.execPath, [path.join(root, 'dist', 'seed.mjs')], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code: number | null) => resolve({ code, output }))
  })

let server: RunningServer
let env: Record<string, string>

beforeAll(async () => {
  env = {
    DATABASE_URL: await createTestDatabaseURL('seed-command'),
    MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'q-cms-media-seed-command-')),
    PAYLOAD_SECRET: 'test-secret-not-for-production',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  }
  server = await startServer('seed-command', { ...env, SEED: 'false' })
})

afterAll(async () => {
  await server?.stop()
})

it('seeds a migrated database while the server runs, then adds nothing on a second run', async () => {
  const client = api(server.url)
  const before = await client.request('GET', '/api/blogs?limit=1&depth=0')
  expect(before.status).toBe(200)
  expect(before.body.totalDocs).toBe(0)

  const first = await runSeed(env)
  expect(first.output).not.toMatch(/already exists|payloadInitError/)
  expect(first.code).toBe(0)
  expect(first.output).toMatch(/\[seed\] done: [1-9]\d* created/)

  const after = await client.request('GET', '/api/blogs?limit=1&depth=0')
  expect(after.status).toBe(200)
  expect(after.body.totalDocs).toBeGreaterThan(0)
  // The running server keeps working on the same database: the seeded admin logs in through it.
  await expect(client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)).resolves.toEqual(
    expect.any(String),
  )

  const second = await runSeed(env)
  expect(second.code).toBe(0)
  expect(second.output).toMatch(/\[seed\] done: 0 created/)
  // Two full seeds through the CLI: on a busy 2-core machine they take longer than jest's default minute.
}, 180_000)
