/**
 * `npm run bench:import`: a survey-sized import (1,500 members, 15,000 connections) through
 * `POST /api/network/import` on the built express host (SQLite), while a member logs in and
 * comments again and again; then the same files through `npm run import` (dist/import.mjs) into a
 * fresh database. Goals: under 30 s, and no comment or login refused meanwhile.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ADMIN_EMAIL, ADMIN_PASSWORD, api, startServer } from '../test/helpers/server'
import { createTestDatabaseURL } from '../test/helpers/testDatabase'
import { machine, percentile, recordResults } from './lib.mjs'

const SIZE = { members: 1_500, connections: 15_000 }
const GOAL_SECONDS = 30

const memberLines = Array.from(
  { length: SIZE.members },
  (_, index) =>
    `Surveyed ${index},surveyed-${index}@survey.example.org,nurse,,wales,co-design;evaluation,2019-01-${String(1 + (index % 28)).padStart(2, '0')},true,true`,
)
const pairs: string[] = []
for (let step = 1; pairs.length < SIZE.connections; step++) {
  for (let index = 0; index < SIZE.members && pairs.length < SIZE.connections; index++) {
    pairs.push(
      `surveyed-${index}@survey.example.org,surveyed-${(index + step) % SIZE.members}@survey.example.org,2019-03-01`,
    )
  }
}
const membersCsv = `name,email,profession,organisation,region,interests,joinedAt,directoryVisible,networkAnalysis\n${memberLines.join('\n')}\n`
const connectionsCsv = `fromEmail,toEmail,acceptedAt\n${pairs.join('\n')}\n`

// Over HTTP, with a member logging in and commenting meanwhile.
const server = await startServer('bench-import', {
  COMMENT_RATE_LIMIT: '100000',
  LOGIN_RATE_LIMIT: '100000',
})
const client = api(server.url)
const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
const member = { email: 'reader@import.example.org', password: 'a-long-test-password' }
await client.request('POST', '/api/members', {
  token,
  json: { name: 'Reader', ...member, profession: 'nurse', region: 'wales' },
})
await client.request('POST', '/api/globals/comment-policy', {
  token,
  json: { floodIntervalSeconds: 0 },
})
const blogId = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
const form = new FormData()
form.append('members', new Blob([membersCsv], { type: 'text/csv' }), 'members.csv')
form.append('connections', new Blob([connectionsCsv], { type: 'text/csv' }), 'connections.csv')
const started = performance.now()
let finished = false
const upload = client
  .request('POST', '/api/network/import', { token, body: form })
  .finally(() => (finished = true))
const latencies: number[] = []
const failures: number[] = []
while (!finished) {
  const t0 = performance.now()
  const login = await client.request('POST', '/api/members/login', { json: member })
  latencies.push(performance.now() - t0)
  if (login.status !== 200) failures.push(login.status)
  const t1 = performance.now()
  const comment = await client.request('POST', '/api/comments', {
    token: login.body.token as string,
    json: {
      target: { relationTo: 'blogs', value: blogId },
      body: 'Written during the import',
      policyAccepted: true,
    },
  })
  latencies.push(performance.now() - t1)
  if (comment.status !== 201) failures.push(comment.status)
}
const response = await upload
const httpSeconds = (performance.now() - started) / 1000
await server.stop()
if (response.status !== 201)
  throw new Error(`the import answered ${response.status}: ${response.text.slice(0, 500)}`)

// The command line, into a fresh database.
const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-bench-import-'))
writeFileSync(path.join(dir, 'members.csv'), membersCsv)
writeFileSync(path.join(dir, 'connections.csv'), connectionsCsv)
const cliStarted = performance.now()
const cli = spawnSync(
  process.execPath,
  ['dist/import.mjs', path.join(dir, 'members.csv'), path.join(dir, 'connections.csv')],
  {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      DATABASE_URL: await createTestDatabaseURL('bench-import-cli'),
      PAYLOAD_SECRET: 'bench-import',
    },
    encoding: 'utf8',
  },
)
const cliSeconds = (performance.now() - cliStarted) / 1000
if (cli.status !== 0) throw new Error(`npm run import failed:\n${cli.stdout}\n${cli.stderr}`)

const sorted = [...latencies].sort((a, b) => a - b)
recordResults([
  `## Network import — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:import\` · Machine: ${machine()} · load average ${os.loadavg()[0].toFixed(1)} at the end · SQLite, express host, HTTP on 127.0.0.1 · ${SIZE.members.toLocaleString('en-GB')} members, ${SIZE.connections.toLocaleString('en-GB')} connections`,
  '',
  '| Measure | Result | Goal |',
  '| --- | --- | --- |',
  `| \`POST /api/network/import\`, upload to 201 | ${httpSeconds.toFixed(1)} s | < ${GOAL_SECONDS} s: ${httpSeconds < GOAL_SECONDS ? 'meets' : 'MISSES'} |`,
  `| member logins and comments meanwhile | ${latencies.length} requests, ${failures.length} refused${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}; p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0) ?? '—'} ms | 0 refused: ${failures.length === 0 ? 'meets' : 'MISSES'} |`,
  `| \`npm run import\` into a fresh database (process start, migrations and import) | ${cliSeconds.toFixed(1)} s | < ${GOAL_SECONDS} s: ${cliSeconds < GOAL_SECONDS ? 'meets' : 'MISSES'} |`,
  '',
  'Before (one Local API create per member with a password hash, one count and one insert per connection, all in one transaction): did not finish in 300 s, and held the SQLite write lock throughout.',
])
