/**
 * `npm run load`: the mixed load of test/load/mixedLoad.int.spec.ts for 30 s (LOAD_SECONDS) with
 * 24 clients against the built express host on a fresh, seeded database (SQLite; with `-- --postgres`
 * a private PostgreSQL cluster), then every acknowledged write read back. Figures go to
 * bench/RESULTS.md with the command and the machine. Exits 1 when anything failed or was lost.
 *
 * Run with tsx (the driver is the test's TypeScript). Traffic goes to 127.0.0.1 only.
 */
import os from 'node:os'

import { ensureBuilt } from '../scripts/ensureBuilt.mjs'
import { startPostgresCluster } from '../scripts/postgresCluster.mjs'
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer } from '../test/helpers/server.ts'
import {
  DEFAULT_WEIGHTS,
  LOAD_ENV,
  missingWritesOnceQueued,
  percentile,
  prepareLoad,
  runMixedLoad,
} from '../test/load/mixedLoad.ts'
import { machine, recordResults } from './lib.mjs'

const SECONDS = Number(process.env.LOAD_SECONDS || 30)
const CONCURRENCY = 24
const postgres = process.argv.includes('--postgres')
const database = postgres ? 'PostgreSQL' : 'SQLite (WAL)'

ensureBuilt()
const cluster = postgres ? await startPostgresCluster() : undefined
// startServer creates its database in the cluster named by TEST_DATABASE_URL, a SQLite file otherwise.
if (cluster) process.env.TEST_DATABASE_URL = cluster.url
else delete process.env.TEST_DATABASE_URL
const server = await startServer('bench-load', LOAD_ENV)
let exitCode
try {
  const target = await prepareLoad(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
  const loadBefore = os.loadavg()[0]
  const result = await runMixedLoad(target, { seconds: SECONDS, concurrency: CONCURRENCY })
  const loadAfter = os.loadavg()[0]
  const missing = await missingWritesOnceQueued(server.url, target.adminToken, result)
  const lost = missing.comments.length + missing.subscribers.length
  const serverErrors = server.output().match(/SQLITE_BUSY|database is locked|\bERROR\b/g) ?? []

  const ms = (value) => `${value.toFixed(1)} ms`
  const rows = Object.keys(DEFAULT_WEIGHTS).map((kind) => {
    const latencies = result.latencies[kind]
    const errors = result.failures.filter((failure) => failure.kind === kind).length
    return `| ${kind} | ${latencies.length} | ${errors} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} |`
  })
  const all = Object.values(result.latencies).flat()
  const statuses = [...new Set(result.failures.map((failure) => String(failure.status)))]
  recordResults([
    `## Mixed load, ${database} — ${new Date().toISOString()}`,
    '',
    `Command: \`npm run load${postgres ? ' -- --postgres' : ''}\` (LOAD_SECONDS=${SECONDS}) · Machine: ${machine()} · ${database}, express host, ${CONCURRENCY} concurrent clients on 127.0.0.1, rate limits and flood control raised; the same load as test/load/mixedLoad.int.spec.ts, which \`npm test\` runs for 8 s · machine load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after: other work on the machine slows every figure`,
    '',
    '| Kind | Requests | Errors | p50 | p99 |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    `| all | ${result.requests} | ${result.failures.length} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 99))} |`,
    '',
    `${result.requests} requests in ${result.seconds.toFixed(1)} s (${(result.requests / result.seconds).toFixed(0)} req/s). ` +
      `Errors (5xx, 429, other unexpected statuses, no answer): **${result.failures.length}**${statuses.length ? ` (${statuses.join(', ')})` : ''} (goal 0: ${result.failures.length ? 'misses' : 'meets'}). ` +
      `Acknowledged writes: ${result.comments.length} comments, ${result.subscribers.length} subscribers; missing afterwards: **${lost}** (goal 0: ${lost ? 'misses' : 'meets'}). ` +
      `Server log lines with ERROR or SQLITE_BUSY: ${serverErrors.length}.`,
  ])
  for (const failure of result.failures.slice(0, 10)) console.error(failure)
  exitCode = result.failures.length || lost ? 1 : 0
} finally {
  await server.stop()
  cluster?.stop()
}
process.exit(exitCode)
