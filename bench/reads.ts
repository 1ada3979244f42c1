/**
 * `npm run bench:reads`: public reads of the same 1,000 published ~500-word Lexical documents, in
 * one run on one machine, served by
 *   (a) stock Payload 3.90.1 (`next start`, bench/stock-payload, built once outside the repo),
 *   (b) this CMS with READ_CACHE=off,
 *   (c) this CMS with its response cache (READ_CACHE unset; equal to (b) where there is no cache),
 *   (d) a bare node:http server answering (b)'s bytes from memory.
 * One server runs at a time; autocannon drives it from this process. Figures go to
 * bench/RESULTS.md with the command and the machine. Not part of `npm test`.
 *
 * BENCH_SECONDS (default 8) per measured row, BENCH_DOCS (default 1000).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { ensureBuilt } from '../scripts/ensureBuilt.mjs'
import { freePort } from '../scripts/postgresCluster.mjs'
import { machine, percentile, recordResults, root } from './lib.mjs'
import {
  benchPosts,
  type BenchServer,
  eachLimited,
  ensureStockBuilt,
  loginCMS,
  postJSON,
  seedCMS,
  seedStock,
  spawnServer,
  startCMS,
  startStock,
} from './readsSetup'

const SECONDS = Number(process.env.BENCH_SECONDS || 8)
const DOCS = Number(process.env.BENCH_DOCS || 1000)
const CONNECTIONS = 50

type Measured = { reqPerSec: number; p50: number; p99: number; unexpected: number }
type Target = {
  label: string
  url: string
  list: string
  graphql: { path: string; body: string }
  ids: number[]
  idPath: (id: number) => string
}

/** req/s over the whole run, latency percentiles, and every answer that was not the expected status. */
const measure = async (
  url: string,
  connections: number,
  requests: autocannon.Request[],
  expect: '2xx' | '3xx' = '2xx',
): Promise<Measured> => {
  await autocannon({ url, connections, duration: 1, requests })
  const result = await autocannon({ url, connections, duration: SECONDS, requests })
  const expected = result[expect]
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: result.requests.total - expected + result.errors + result.timeouts,
  }
}

const get = (pathname: string, headers: Record<string, string> = {}): autocannon.Request[] => [
  { method: 'GET', path: pathname, headers },
]
const rotating = (paths: string[]): autocannon.Request[] => {
  let next = 0
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
    },
  ]
}
const graphQL = ({ path: pathname, body }: Target['graphql']): autocannon.Request[] => [
  { method: 'POST', path: pathname, headers: { 'content-type': 'application/json' }, body },
]

const READS = [
  'list, 50 connections',
  'list, 1 connection',
  'by id, 50 connections',
  'GraphQL list, 50 connections',
] as const
type ReadName =
  (typeof READS)[number] | 'repeated list, 50 connections' | '304 revalidation, 50 connections'

/** The four reads of the issue's table against one server. */
const measureReads = async (target: Target): Promise<Map<ReadName, Measured>> => {
  const rows = new Map<ReadName, Measured>()
  const log = (name: ReadName, row: Measured) => {
    rows.set(name, row)
    console.log(
      `[bench] ${target.label}: ${name}: ${row.reqPerSec.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${row.unexpected ? `, ${row.unexpected} unexpected` : ''}`,
    )
  }
  log('list, 50 connections', await measure(target.url, CONNECTIONS, get(target.list)))
  log('list, 1 connection', await measure(target.url, 1, get(target.list)))
  log(
    'by id, 50 connections',
    await measure(target.url, CONNECTIONS, rotating(target.ids.map(target.idPath))),
  )
  log(
    'GraphQL list, 50 connections',
    await measure(target.url, CONNECTIONS, graphQL(target.graphql)),
  )
  return rows
}

/** 304s for the list: If-None-Match with the ETag of a first answer (none: the server does not revalidate). */
const measureRevalidation = async (target: Target): Promise<Measured | undefined> => {
  const etag = (await fetch(`${target.url}${target.list}`)).headers.get('etag')
  if (!etag) return undefined
  return measure(target.url, CONNECTIONS, get(target.list, { 'if-none-match': etag }), '3xx')
}

const LIST = '/api/blogs?limit=10&depth=1'
const GRAPHQL_PATH = '/api/graphql'
const cmsTarget = (label: string, url: string, ids: number[]): Target => ({
  label,
  url,
  list: LIST,
  graphql: {
    path: GRAPHQL_PATH,
    body: JSON.stringify({ query: '{ Blogs(limit: 10) { docs { id title content } } }' }),
  },
  ids,
  idPath: (id) => `/api/blogs/${id}`,
})

const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const startedAt = performance.now()
  const value = await work()
  return [performance.now() - startedAt, value]
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  )

/**
 * A staff PATCH that publishes a new title on one of the listed documents, then at once the first
 * public read of the list: with a cache, that read is the miss the publish caused.
 */
const publishThenRead = async (url: string, token: string, rounds: number) => {
  const publish: number[] = []
  const firstRead: number[] = []
  const listed = (
    (await (await fetch(`${url}${LIST}`)).json()) as { docs: { id: number }[] }
  ).docs.map((doc) => doc.id)
  for (let round = 0; round < rounds; round++) {
    await (await fetch(`${url}${LIST}`)).arrayBuffer()
    const id = listed[round % listed.length]
    const [patchMs] = await timed(() =>
      postJSON(
        `${url}/api/blogs/${id}`,
        { title: `Edited title ${round}`, _status: 'published' },
        token,
        'PATCH',
      ),
    )
    const [readMs, response] = await timed(async () => {
      const answer = await fetch(`${url}${LIST}`)
      return { status: answer.status, text: await answer.text() }
    })
    if (response.status !== 200 || !response.text.includes(`Edited title ${round}`)) {
      throw new Error(`the first read after a publish did not show it (HTTP ${response.status})`)
    }
    publish.push(patchMs)
    firstRead.push(readMs)
  }
  return { publishMs: median(publish), firstReadMs: median(firstRead) }
}

type CacheStats = {
  hits?: number
  misses?: number
  bytes?: number
  entries?: number
  maxBytes?: number
}
const cacheStats = async (url: string, token: string): Promise<CacheStats | undefined> => {
  const response = await fetch(`${url}/api/read-cache/stats`, {
    headers: { Authorization: `JWT ${token}` },
  })
  return response.ok ? ((await response.json()) as CacheStats) : undefined
}

const rssMb = (pid: number | undefined) => {
  try {
    return (
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
    )
  } catch {
    return 0
  }
}

/**
 * Fills the cache with distinct public URLs (list pages in several sizes, sorts and depths) until
 * it reports being near its limit, or 60 s have passed; then measures the publish that empties it.
 */
const fillCache = async (url: string, token: string, pid: number | undefined, rssIdle: number) => {
  const urls: string[] = []
  for (const limit of [100, 50, 25])
    for (const sort of [
      '-publishedAt',
      'publishedAt',
      'title',
      '-title',
      'createdAt',
      '-createdAt',
    ])
      for (const depth of [0, 1, 2])
        for (let page = 1; page <= Math.ceil(DOCS / limit); page++)
          urls.push(`/api/blogs?limit=${limit}&page=${page}&depth=${depth}&sort=${sort}`)
  const deadline = Date.now() + 60_000
  let requested = 0
  let stats = await cacheStats(url, token)
  await eachLimited(urls, 4, async (pathname) => {
    if (Date.now() > deadline) return
    if (stats?.maxBytes && (stats.bytes ?? 0) >= 0.98 * stats.maxBytes) return
    await (await fetch(`${url}${pathname}`)).arrayBuffer()
    requested++
    if (requested % 20 === 0) stats = await cacheStats(url, token)
  })
  stats = await cacheStats(url, token)
  const rssFull = rssMb(pid)
  const id = await firstId(url)
  const [publishMs] = await timed(() =>
    postJSON(
      `${url}/api/blogs/${id}`,
      { title: 'Published with a full cache', _status: 'published' },
      token,
      'PATCH',
    ),
  )
  return {
    requested,
    stats,
    rssIdle,
    rssFull,
    publishMs,
    statsAfterPublish: await cacheStats(url, token),
  }
}

const firstId = async (url: string) =>
  ((await (await fetch(`${url}/api/blogs?limit=1&depth=0`)).json()) as { docs: { id: number }[] })
    .docs[0].id

/** Every document by id, the list and the GraphQL answer, as the CMS sends them, for (d). */
const collectResponses = async (target: Target) => {
  const responses: Record<string, { type: string; body: string }> = {}
  const keep = async (key: string, answer: Response) => {
    if (answer.status !== 200) throw new Error(`${key}: HTTP ${answer.status}`)
    responses[key] = {
      type: answer.headers.get('content-type') ?? 'application/json',
      body: Buffer.from(await answer.arrayBuffer()).toString('base64'),
    }
  }
  await keep(`GET ${target.list}`, await fetch(`${target.url}${target.list}`))
  await keep(
    `POST ${target.graphql.path}`,
    await fetch(`${target.url}${target.graphql.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: target.graphql.body,
    }),
  )
  await eachLimited(target.ids, 4, async (id) =>
    keep(`GET ${target.idPath(id)}`, await fetch(`${target.url}${target.idPath(id)}`)),
  )
  return responses
}

const startMemoryServer = async (responses: object): Promise<BenchServer> => {
  const file = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'q-cms-bench-memory-')),
    'responses.json',
  )
  writeFileSync(file, JSON.stringify(responses))
  const port = await freePort()
  return spawnServer(
    'node:http',
    process.execPath,
    [path.join(root, 'bench', 'readsMemoryServer.mjs'), file, String(port)],
    {
      cwd: root,
      port,
      env: {},
      ready: async (url) => (await fetch(`${url}${LIST}`)).status === 200,
    },
  )
}

// ---------------------------------------------------------------------------------------------

const startedAt = performance.now()
ensureBuilt()
const stockDir = ensureStockBuilt()
const docs = benchPosts(DOCS)
const loadBefore = os.loadavg()[0]

// (a) stock Payload
const stock = await startStock(stockDir)
let stockRows: Map<ReadName, Measured>
try {
  const [seedMs, stockIds] = await timed(() => seedStock(stock.url, docs))
  console.log(
    `[bench] stock Payload: ${DOCS} posts seeded through REST in ${(seedMs / 1000).toFixed(1)} s`,
  )
  stockRows = await measureReads({
    label: '(a) stock',
    url: stock.url,
    list: '/api/posts?limit=10&depth=1',
    graphql: {
      path: GRAPHQL_PATH,
      body: JSON.stringify({ query: '{ Posts(limit: 10) { docs { id title content } } }' }),
    },
    ids: stockIds,
    idPath: (id) => `/api/posts/${id}`,
  })
} finally {
  await stock.stop()
}

// (b) this CMS without the cache; its answers are what (d) serves.
const databaseFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'q-cms-bench-reads-')), 'q.db')
const uncached = await startCMS(databaseFile, { READ_CACHE: 'off' })
let uncachedRows: Map<ReadName, Measured>
let uncachedPublish: { publishMs: number; firstReadMs: number }
let responses: Record<string, { type: string; body: string }>
let ids: number[]
try {
  const [seedMs, seeded] = await timed(() => seedCMS(uncached.url, docs))
  ids = seeded.ids
  console.log(`[bench] CMS: ${DOCS} blogs seeded through REST in ${(seedMs / 1000).toFixed(1)} s`)
  responses = await collectResponses(cmsTarget('(b)', uncached.url, ids))
  uncachedRows = await measureReads(cmsTarget('(b) CMS, READ_CACHE=off', uncached.url, ids))
  uncachedPublish = await publishThenRead(uncached.url, seeded.token, 10)
} finally {
  await uncached.stop()
}

// (c) this CMS with its cache, on the same database.
const cached = await startCMS(databaseFile, {})
const cachedIdleRss = rssMb(cached.child.pid)
let cachedRows: Map<ReadName, Measured>
let cachedPublish: { publishMs: number; firstReadMs: number }
let fill: Awaited<ReturnType<typeof fillCache>>
try {
  const token = await loginCMS(cached.url)
  const target = cmsTarget('(c) CMS, cache', cached.url, ids)
  cachedRows = await measureReads(target)
  // The list row above already repeats one URL; named as the issue's goal names it.
  cachedRows.set(
    'repeated list, 50 connections',
    cachedRows.get('list, 50 connections') as Measured,
  )
  const revalidation = await measureRevalidation(target)
  if (revalidation) cachedRows.set('304 revalidation, 50 connections', revalidation)
  cachedPublish = await publishThenRead(cached.url, token, 10)
  fill = await fillCache(cached.url, token, cached.child.pid, cachedIdleRss)
} finally {
  await cached.stop()
}

// (d) the same bytes from memory.
const memory = await startMemoryServer(responses)
let memoryRows: Map<ReadName, Measured>
try {
  const target = cmsTarget('(d) node:http', memory.url, ids)
  memoryRows = await measureReads(target)
  const revalidation = await measureRevalidation(target)
  if (revalidation) memoryRows.set('304 revalidation, 50 connections', revalidation)
} finally {
  await memory.stop()
}

// ---------------------------------------------------------------------------------------------

const cell = (row: Measured | undefined) =>
  row
    ? `${row.reqPerSec.toFixed(0)} req/s (p50 ${row.p50} ms, p99 ${row.p99} ms)${row.unexpected ? `, ${row.unexpected} unexpected answers` : ''}`
    : '—'
const ratio = (a: Measured | undefined, b: Measured | undefined) =>
  a && b ? `${(a.reqPerSec / b.reqPerSec).toFixed(2)}×` : '—'
const rowNames: ReadName[] = [...READS, '304 revalidation, 50 connections']
const table = rowNames.map((name) => {
  const [a, b, c, d] = [stockRows, uncachedRows, cachedRows, memoryRows].map((rows) =>
    rows.get(name),
  )
  return `| ${name} | ${cell(a)} | ${cell(b)} | ${cell(c)} | ${cell(d)} | ${ratio(b, a)} | ${ratio(c, a)} | ${ratio(c, d)} |`
})

const goal = (met: boolean) => (met ? 'meets' : '**misses**')
const min = (...values: number[]) => Math.min(...values)
const uncachedRatio = min(
  ...READS.filter((name) => name !== 'list, 1 connection').map(
    (name) => (uncachedRows.get(name)?.reqPerSec ?? 0) / (stockRows.get(name)?.reqPerSec ?? 1),
  ),
)
const uncachedP99 = Math.max(
  ...READS.filter((name) => name.includes('50')).map(
    (name) => uncachedRows.get(name)?.p99 ?? Infinity,
  ),
)
const repeated = cachedRows.get('repeated list, 50 connections')
const stockList = stockRows.get('list, 50 connections')
const memoryList = memoryRows.get('list, 50 connections')
const cachedRevalidation = cachedRows.get('304 revalidation, 50 connections')
const memoryRevalidation = memoryRows.get('304 revalidation, 50 connections')
const mb = (bytes: number | undefined) =>
  bytes === undefined ? '—' : `${(bytes / 2 ** 20).toFixed(1)} MB`
const ms = (value: number) => `${value.toFixed(1)} ms`
const seconds = ((performance.now() - startedAt) / 1000).toFixed(0)

recordResults([
  `## Public reads — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:reads\` (BENCH_SECONDS=${SECONDS}, ${DOCS} documents) · Machine: ${machine()} · ${os.cpus().length} cores (\`nproc\`), RAM ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · SQLite, autocannon ${SECONDS} s per row after a 1 s warm-up, one server at a time, ${seconds} s in all · load average (1 min) ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after: other work on the machine slows every figure`,
  '',
  `The same ${DOCS} published ~500-word Lexical documents (bench/readsSetup.ts), created through REST in each app. (a) stock Payload 3.90.1, \`next start\` (bench/stock-payload: \`posts\`, no drafts) · (b) this CMS, \`READ_CACHE=off\` · (c) this CMS with its response cache (READ_CACHE unset) · (d) bare node:http answering (b)'s bytes from memory. List: \`GET /api/{posts,blogs}?limit=10&depth=1\`; by id: \`GET /api/{posts,blogs}/:id\` over all ${DOCS} ids; GraphQL: \`{ Posts|Blogs(limit: 10) { docs { id title content } } }\`.`,
  '',
  '| Read (public) | (a) stock Payload | (b) CMS, READ_CACHE=off | (c) CMS, cache | (d) node:http | (b)/(a) | (c)/(a) | (c)/(d) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...table,
  '',
  '| With the cache (c) | Result | Goal |',
  '| --- | --- | --- |',
  `| repeated list, 50 connections | ${cell(repeated)}: ${ratio(repeated, stockList)} (a), ${ratio(repeated, memoryList)} (d) | ≥ 10× (a): ${goal((repeated?.reqPerSec ?? 0) >= 10 * (stockList?.reqPerSec ?? Infinity))}; ≥ 0.3× (d): ${goal((repeated?.reqPerSec ?? 0) >= 0.3 * (memoryList?.reqPerSec ?? Infinity))}; p99 < 25 ms: ${goal((repeated?.p99 ?? Infinity) < 25)} |`,
  `| 304 revalidations, 50 connections | ${cachedRevalidation ? `${cell(cachedRevalidation)}: ${ratio(cachedRevalidation, memoryRevalidation)} (d)` : 'no ETag in the answer (no cache)'} | ≥ 0.5× (d): ${goal((cachedRevalidation?.reqPerSec ?? 0) >= 0.5 * (memoryRevalidation?.reqPerSec ?? Infinity))} |`,
  `| first public list read right after a publish (median of 10) | ${ms(cachedPublish.firstReadMs)}; (b) without cache ${ms(uncachedPublish.firstReadMs)} | no slower than (b), within 10 % (two medians of 10 single requests): ${goal(cachedPublish.firstReadMs <= uncachedPublish.firstReadMs * 1.1)} |`,
  `| the publishing PATCH itself (median of 10) | ${ms(cachedPublish.publishMs)}; (b) without cache ${ms(uncachedPublish.publishMs)} | — |`,
  `| the publishing PATCH with a full cache | ${ms(fill.publishMs)} (after ${fill.requested} distinct URLs; entries ${fill.stats?.entries ?? '—'} → ${fill.statsAfterPublish?.entries ?? '—'}) | — |`,
  `| the cache at its limit | ${fill.stats ? `${mb(fill.stats.bytes)} of ${mb(fill.stats.maxBytes)} in ${fill.stats.entries} entries (hits ${fill.stats.hits}, misses ${fill.stats.misses})` : 'no figures (GET /api/read-cache/stats answered no figures)'}; server RSS ${fill.rssIdle.toFixed(0)} MB idle after start, ${fill.rssFull.toFixed(0)} MB with the cache full | bounded by READ_CACHE_MB |`,
  '',
  `Goals without the cache: (b) ≥ 1.0× (a) on list, by id and GraphQL at 50 connections: ${uncachedRatio.toFixed(2)}× at worst, ${goal(uncachedRatio >= 1)}; p99 < 1 s at 50 connections: ${uncachedP99} ms at worst, ${goal(uncachedP99 < 1000)}.`,
])
process.exit(0)
