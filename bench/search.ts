/**
 * `npm run bench:search`: ranked search over 10,000 published documents on SQLite.
 *
 * Builds a migrated database with the built host, writes 10,000 blogs, interviews and events
 * (Lexical bodies of 1–7 KB, words drawn from a Zipf distribution over the words of a real Q blog
 * post, healthcare-improvement terms and a long tail of made-up words; fixed seed), builds the
 * index with `dist/search-reindex.mjs` (timed), then measures each query over HTTP against the
 * express host (read cache off, so search is measured, not the cache) and, side by side, the same
 * FTS5 query run straight on the database file through @libsql/client. Appends to bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'

import { SQLITE_MMAP_BYTES } from '../src/db/databaseAdapter'
import { REGIONS } from '../src/fields/regions'
import { TOPICS } from '../src/fields/topics'
import { sqliteSearch } from '../src/frontends/search/backends/sqliteQuery'
import { parseSearchParams } from '../src/frontends/search/rules/params'
import { wordsOf } from '../src/frontends/search/rules/query'
import { richText } from '../src/seed/lexical'
import { machine, percentile, recordResults, root, startServer } from './lib.mjs'
import { sourceParagraphs } from './readsSetup'

const DOCUMENTS = 10_000
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 300)
const WARMUP = 30
const TARGET_P95_MS = 30

/** mulberry32: a small fixed-seed generator, so every run indexes the same documents. */
const random = (() => {
  let state = 0x5eed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
})()
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]

const DOMAIN =
  `improvement quality patient patients safety nurse nurses clinician clinicians ward wards
  hospital community primary care carers measurement data evaluation learning leadership culture
  workforce wellbeing mental health inequalities co-design co-production collaboration collaborative
  network networks pathway pathways frailty diabetes dementia maternity midwives pharmacy discharge
  outpatients waiting lists referral audit feedback coaching facilitation spread scale sustainability
  innovation digital telehealth triage prevention population outcomes experience families volunteers
  commissioning integration neighbourhood practice practices peer support reflection storytelling`
    .split(/\s+/)
    .filter(Boolean)

const SYLLABLES =
  'ba be bi bo bu ca co da de di do fa fe fi ga go ha he ka ke la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi wa we ya yo za ze'.split(
    ' ',
  )

/** The vocabulary, most frequent first: the post's words by frequency, the domain, a made-up tail. */
const vocabulary = (() => {
  const counts = new Map<string, number>()
  for (const word of sourceParagraphs().flatMap(wordsOf))
    counts.set(word, (counts.get(word) ?? 0) + 1)
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word)
  const tail = new Set<string>()
  while (tail.size < 20_000)
    tail.add(Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join(''))
  // Function words first (the post's 60 commonest), then content words: the domain's terms
  // spread over ranks 150 to 3,000 among the rest, as content words rank in real text.
  const words = [...common.slice(60), ...tail].filter((word) => !DOMAIN.includes(word))
  DOMAIN.forEach((word, i) => words.splice(90 + Math.round((i * 2850) / DOMAIN.length), 0, word))
  return [...new Set([...common.slice(0, 60), ...words])]
})()

/** Zipf (s = 1) over the vocabulary: rank r is drawn with probability ∝ 1/r. */
const zipfWord = (() => {
  const cumulative: number[] = []
  let sum = 0
  vocabulary.forEach((_, rank) => cumulative.push((sum += 1 / (rank + 1))))
  return () => {
    const target = random() * sum
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < target) low = middle + 1
      else high = middle
    }
    return vocabulary[low]
  }
})()

const sentence = (words: number) => {
  const text = Array.from({ length: words }, zipfWord).join(' ')
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}

const paragraphs = (bytes: number) => {
  const blocks: string[] = []
  let size = 0
  while (size < bytes) {
    const paragraph = Array.from({ length: between(3, 6) }, () => sentence(between(8, 20))).join(
      ' ',
    )
    blocks.push(paragraph)
    size += paragraph.length
  }
  return blocks
}

const title = () => {
  const words = Array.from({ length: between(3, 7) }, () =>
    random() < 0.5 ? pick(DOMAIN) : vocabulary[between(60, 1500)],
  ).join(' ')
  return `${words[0].toUpperCase()}${words.slice(1)}`
}

const isoDay = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1) + dayOfYear * 86_400_000).toISOString()

/** Writes the documents straight into the migrated content tables, in one transaction. */
const writeDocuments = async (databaseURL: string) => {
  const client = createClient({ url: databaseURL })
  const statements = []
  for (let n = 1; n <= DOCUMENTS; n++) {
    const kind = n % 10 < 7 ? 'blogs' : n % 10 < 8 ? 'interviews' : 'events'
    const body = JSON.stringify(richText(...paragraphs(between(1000, 7000))))
    const date = isoDay(between(2019, 2026), between(0, 364))
    const slug = `${kind}-${n}`
    if (kind === 'blogs') {
      statements.push({
        sql: `INSERT INTO blogs (id, title, slug, excerpt, content, published_at, _status) VALUES (?, ?, ?, ?, ?, ?, 'published')`,
        args: [n, title(), slug, sentence(between(15, 35)), body, date],
      })
      const topics = new Set(Array.from({ length: between(1, 3) }, () => pick(TOPICS).value))
      ;[...topics].forEach((topic, order) =>
        statements.push({
          sql: 'INSERT INTO blogs_topics ("order", parent_id, value) VALUES (?, ?, ?)',
          args: [order + 1, n, topic],
        }),
      )
    } else if (kind === 'interviews') {
      statements.push({
        sql: `INSERT INTO interviews (id, title, slug, summary, content, published_at, _status) VALUES (?, ?, ?, ?, ?, ?, 'published')`,
        args: [n, title(), slug, sentence(between(20, 40)), body, date],
      })
    } else {
      statements.push({
        sql: 'INSERT INTO events (id, title, slug, summary, description, starts_at, ends_at, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        args: [n, title(), slug, sentence(between(15, 30)), body, date, date, pick(REGIONS).value],
      })
    }
  }
  await client.batch(statements, 'write')
  const size = await client.execute('SELECT sum(length(content)) AS blogs FROM blogs')
  client.close()
  return Number(size.rows[0].blogs) / 7000
}

const QUERIES: { label: string; query: string }[] = [
  { label: 'one common word', query: 'q=improvement' },
  { label: 'one rarer word', query: 'q=frailty' },
  { label: 'two words', query: 'q=patient%20safety' },
  { label: 'phrase', query: 'q=%22mental%20health%22' },
  { label: 'three words + exclusion', query: 'q=nurses%20ward%20discharge%20-audit' },
  { label: 'prefix (as typed)', query: 'q=collab' },
  { label: 'prefix after a word', query: 'q=community%20pharm' },
  { label: 'typo (corrected)', query: 'q=dementai%20' },
  { label: 'typo, two words', query: 'q=matenrity%20feedbak%20' },
  { label: 'filter: collection', query: 'q=leadership&collections=events' },
  { label: 'filter: region', query: 'q=community&region=wales' },
  {
    label: 'filter: topic + dates',
    query: 'q=data&topic=patient-safety&from=2022-01-01&to=2023-12-31',
  },
  { label: 'page 5 of 20', query: 'q=quality&limit=20&page=5' },
  { label: 'no match', query: 'q=zyxwvutsrq' },
]

const timed = async (runs: number, work: () => Promise<unknown>) => {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}

const ms = (value: number) => `${value.toFixed(1)} ms`

const prepare = await startServer({ SEED: 'false' })
await prepare.stop()
const databaseURL = `file:${path.join(prepare.dir, 'q.db')}`
console.log(`[bench:search] writing ${DOCUMENTS} documents to ${databaseURL}`)
const writeStarted = performance.now()
const averageBlogBytes = await writeDocuments(databaseURL)
console.log(`[bench:search] written in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`)

const reindexStarted = performance.now()
const reindex = spawnSync(process.execPath, [path.join(root, 'dist', 'search-reindex.mjs')], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseURL,
    PAYLOAD_SECRET: 'bench-secret',
  },
  encoding: 'utf8',
})
const reindexSeconds = (performance.now() - reindexStarted) / 1000
if (reindex.status !== 0)
  throw new Error(`search:reindex failed:\n${reindex.stdout}\n${reindex.stderr}`)
console.log(reindex.stdout.trim().split('\n').at(-1))

const server = await startServer({
  DATABASE_URL: databaseURL,
  MEDIA_DIR: path.join(prepare.dir, 'media'),
  SEED: 'false',
  READ_CACHE: 'off',
  SEARCH_RATE_LIMIT: '100000000',
  JOBS_AUTORUN: 'false',
})
const direct = createClient({ url: databaseURL })
// The same per-connection setting as the host's (src/db/keepSqliteBusyTimeout.ts).
await direct.execute(`PRAGMA mmap_size = ${SQLITE_MMAP_BYTES}`)
const reader = drizzle(direct)

const rows: string[] = []
let worstP95 = 0
let meeting = 0
const loadBefore = os.loadavg()[0]
try {
  for (const { label, query } of QUERIES) {
    const url = `${server.url}/api/search?${query}`
    const first = await fetch(url).catch((error: Error) => {
      throw new Error(`${query}: ${error.message}\n${server.output().slice(-3000)}`)
    })
    if (first.status !== 200) throw new Error(`${query}: ${first.status} ${await first.text()}`)
    const body = (await first.json()) as { totalDocs: number; correctedQuery: string | null }
    const parsed = parseSearchParams(new URLSearchParams(query))
    if (!parsed.ok) throw new Error(parsed.message)
    const { request } = parsed
    // The bare limit runs the query the endpoint ends up running (the corrected one for typos).
    const bareQuery = body.correctedQuery
      ? (() => {
          const corrected = parseSearchParams(new URLSearchParams({ q: body.correctedQuery }))
          if (!corrected.ok) throw new Error(corrected.message)
          return corrected.request.query
        })()
      : request.query
    const bare = () =>
      sqliteSearch(reader, bareQuery, request, request.limit, (request.page - 1) * request.limit)
    const http = async () => {
      const response = await fetch(url)
      await response.arrayBuffer()
    }
    await timed(WARMUP, http)
    await timed(WARMUP, bare)
    const httpTimes = await timed(RUNS, http)
    const bareTimes = await timed(RUNS, bare)
    const p95 = percentile(httpTimes, 95)
    worstP95 = Math.max(worstP95, p95)
    if (p95 < TARGET_P95_MS) meeting++
    const bareP95 = percentile(bareTimes, 95)
    rows.push(
      `| ${label} | \`${decodeURIComponent(query)}\` | ${body.totalDocs}${body.correctedQuery ? ` (as “${body.correctedQuery}”)` : ''} | ${ms(percentile(httpTimes, 50))} / ${ms(p95)} / ${ms(percentile(httpTimes, 99))} | ${ms(percentile(bareTimes, 50))} / ${ms(bareP95)} / ${ms(percentile(bareTimes, 99))} | ${(p95 / bareP95).toFixed(1)}× |`,
    )
    console.log(rows.at(-1))
  }
} finally {
  direct.close()
  await server.stop()
}

const loadAfter = os.loadavg()[0]

recordResults([
  `## Ranked search, 10,000 documents on SQLite — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:search\` · Machine: ${machine()} · SQLite FTS5 (Porter stemming), express host, HTTP on 127.0.0.1, read cache off, ${RUNS} sequential requests per query after ${WARMUP} warm-up`,
  '',
  `${DOCUMENTS} published documents (7,000 blogs with 1–3 topics, 1,000 interviews, 2,000 events with regions), Lexical bodies of 1–7 KB (blog content averages ${(averageBlogBytes / 1024).toFixed(1)} KB of JSON), fixed seed. Index built by \`dist/search-reindex.mjs\` in ${reindexSeconds.toFixed(1)} s (whole process: start, migrations check, read through the Local API, write).`,
  '',
  '| Query | Parameters | Matches | HTTP p50 / p95 / p99 | bare FTS5 on the file (@libsql/client) p50 / p95 / p99 | p95 ratio |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  `Load average (1 min) when the measurements began and ended: ${loadBefore.toFixed(1)} and ${loadAfter.toFixed(1)} on ${os.cpus().length} cores: above the core count, p95 and p99 include waiting for a core.`,
  '',
  `Worst p95 over HTTP: **${ms(worstP95)}** (goal < ${TARGET_P95_MS} ms per query: ${worstP95 < TARGET_P95_MS ? 'meets' : 'misses'}; ${meeting} of ${QUERIES.length} queries meet it). The bare column runs the same SQL (bm25 ranking of every match, snippets for the page, count when the page is full) without HTTP, express, Payload or the typo lookup; for typo queries it runs the corrected query once, while the endpoint first runs the query as typed, looks up candidates and runs it again.`,
])
