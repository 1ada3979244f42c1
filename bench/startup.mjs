/**
 * `npm run bench:startup`: cold start and idle memory of the built express host, and the latency
 * of the public REST and GraphQL reads a frontend makes most. Results go to bench/RESULTS.md with
 * the command and the machine. Targets are checked here, never in timed tests.
 *
 * Needs the built app (`npm run build`). Traffic goes to 127.0.0.1 only, bounded in count.
 */
import path from 'node:path'

import { machine, percentile, recordResults, rssMb, startServer } from './lib.mjs'

const REQUESTS = 300
const TARGETS = { coldStartMs: 3000, idleRssMb: 450, restListP95Ms: 50 }

const timeRequests = async (label, makeRequest) => {
  for (let i = 0; i < 20; i++) await makeRequest() // warm-up
  const durations = []
  const startedAt = performance.now()
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now()
    const response = await makeRequest()
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`)
    durations.push(performance.now() - t0)
  }
  const elapsed = performance.now() - startedAt
  durations.sort((a, b) => a - b)
  return {
    label,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    perSecond: (REQUESTS / elapsed) * 1000,
  }
}

// 1. Cold start on an empty database: migrations + demo seed + Next.
const seeded = await startServer({ SEED: 'true' })
await seeded.stop()

// 2. Cold start on that same, already-migrated and seeded database (a restart), then idle memory.
const server = await startServer({
  SEED: 'true',
  DATABASE_URL: `file:${path.join(seeded.dir, 'q.db')}`,
  MEDIA_DIR: path.join(seeded.dir, 'media'),
})
await new Promise((resolve) => setTimeout(resolve, 5000))
const idleAfterStart = rssMb(server.child.pid)

const results = [
  await timeRequests('REST list: GET /api/blogs?depth=1&limit=10', () =>
    fetch(`${server.url}/api/blogs?depth=1&limit=10`),
  ),
  await timeRequests('REST by slug: GET /api/events?where[slug][equals]=…', () =>
    fetch(`${server.url}/api/events?where[slug][equals]=welcome-to-q-london-march-2027`),
  ),
  await timeRequests('GraphQL list: Blogs { docs { title slug authorName } }', () =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Blogs(limit: 10) { docs { title slug authorName } } }' }),
    }),
  ),
]
const rssAfterLoad = rssMb(server.child.pid)
await server.stop()

const verdict = (value, target) => (value <= target ? 'meets' : 'MISSES')
const lines = [
  `## Startup and read latency — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:startup\` · Machine: ${machine()}`,
  '',
  '| Measure | Result | Target |',
  '| --- | --- | --- |',
  `| cold start, empty database (migrate + seed + Next) to first 200 on /readyz | ${seeded.coldStartMs.toFixed(0)} ms | — |`,
  `| cold start, existing database (restart) to first 200 on /readyz | ${server.coldStartMs.toFixed(0)} ms | ≤ ${TARGETS.coldStartMs} ms: ${verdict(server.coldStartMs, TARGETS.coldStartMs)} |`,
  `| idle RSS 5 s after start | ${idleAfterStart.toFixed(0)} MB | ≤ ${TARGETS.idleRssMb} MB: ${verdict(idleAfterStart, TARGETS.idleRssMb)} |`,
  `| RSS after ${REQUESTS * results.length} requests | ${rssAfterLoad.toFixed(0)} MB | — |`,
  ...results.map(
    (r, index) =>
      `| ${r.label} (${REQUESTS} sequential) | p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.perSecond.toFixed(0)} req/s | ${index === 0 ? `p95 ≤ ${TARGETS.restListP95Ms} ms: ${verdict(r.p95, TARGETS.restListP95Ms)}` : '—'} |`,
  ),
  '',
]
recordResults(lines)
