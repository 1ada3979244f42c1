/**
 * `GET /api/search` against the real express host (one server, seeded): ranking, highlighting,
 * filters, typo correction, drafts and members-only fields never found, the index following
 * publish/unpublish/delete, refusals naming the field, hostile queries, the read cache and the
 * rate limit. Runs on SQLite (npm test) and PostgreSQL (npm run test:postgres).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import type { SearchResponse } from '@/frontends/search/search'
import { richText } from '@/seed/lexical'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiBody,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

type SearchBody = ApiBody & SearchResponse

const SEARCH_RATE_LIMIT = 150

let server: RunningServer
let client: ReturnType<typeof api>
let token: string

beforeAll(async () => {
  server = await startServer('search', { SEARCH_RATE_LIMIT: String(SEARCH_RATE_LIMIT) })
  client = api(server.url)
  token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** An authenticated search: never answered from the read cache. */
const search = async (query: string) => {
  const response = await client.request('GET', `/api/search?${query}`, { token })
  return { ...response, body: response.body as SearchBody }
}

const create = async (collection: string, data: Record<string, unknown>, draft = false) => {
  const response = await client.request('POST', `/api/${collection}${draft ? '?draft=true' : ''}`, {
    token,
    json: data,
  })
  expect(response.status).toBe(201)
  return response.body.doc as { id: number; slug: string }
}

const update = async (collection: string, id: number, data: object, draft = false) => {
  const response = await client.request(
    'PATCH',
    `/api/${collection}/${id}${draft ? '?draft=true' : ''}`,
    { token, json: data },
  )
  expect(response.status).toBe(200)
}

const ids = (body: SearchBody) => body.docs.map((doc) => `${doc.collection}:${doc.id}`)

let titled: { id: number; slug: string }
let bodied: { id: number; slug: string }
let event: { id: number; slug: string }

test('the seeded content is indexed through the hooks', async () => {
  const { status, body } = await search('q=theatre')
  expect(status).toBe(200)
  expect(body.docs.some((doc) => doc.collection === 'interviews')).toBe(true)
})

test('ranks title matches above body matches, highlights and escapes, paginates', async () => {
  bodied = await create('blogs', {
    title: 'Notes from a ward',
    excerpt: 'A short note',
    content: richText('We tried quokkaflow twice, and quokkaflow again on nights.'),
    _status: 'published',
    topics: ['workforce'],
  })
  titled = await create('blogs', {
    title: 'Quokkaflow in practice',
    excerpt: 'Stored text with <script>alert("quokkascript")</script> & "quotes"',
    content: richText('How the team began.'),
    _status: 'published',
    topics: ['patient-safety', 'leadership'],
  })
  const { body } = await search('q=quokkaflow')
  expect(ids(body)).toEqual([`blogs:${titled.id}`, `blogs:${bodied.id}`])
  expect(body).toMatchObject({ totalDocs: 2, page: 1, totalPages: 1, hasNextPage: false })
  const [first] = body.docs
  expect(first).toMatchObject({
    slug: titled.slug,
    title: 'Quokkaflow in practice',
    topics: ['patient-safety', 'leadership'],
  })
  expect(first.url).toMatch(new RegExp(`/blogs/${titled.slug}$`))
  expect(first.score).toBeGreaterThan(body.docs[1].score)
  expect(body.docs[1].snippet).toContain('<mark>quokkaflow</mark>')

  const escaped = (await search('q=quokkascript')).body
  expect(escaped.totalDocs).toBe(1)
  // Only <mark> tags are markup: stored tags and quotes come back escaped (PostgreSQL's parser
  // reads angle brackets as spaces; SQLite keeps them as escaped text).
  expect(escaped.docs[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/)
  expect(escaped.docs[0].snippet).toContain('<mark>quokkascript</mark>')

  const paged = (await search('q=quokkaflow&limit=1&page=2')).body
  expect(ids(paged)).toEqual([`blogs:${bodied.id}`])
  expect(paged).toMatchObject({
    totalDocs: 2,
    totalPages: 2,
    hasPrevPage: true,
    hasNextPage: false,
  })
})

test('prefixes, phrases, exclusions, OR and typo correction', async () => {
  expect((await search('q=quokkafl')).body.totalDocs).toBe(2)
  expect(ids((await search('q=%22quokkaflow%20in%20practice%22')).body)).toEqual([
    `blogs:${titled.id}`,
  ])
  expect(ids((await search('q=quokkaflow%20-nights')).body)).toEqual([`blogs:${titled.id}`])
  expect((await search('q=nights%20OR%20practice')).body.totalDocs).toBeGreaterThanOrEqual(2)
  const typo = (await search('q=qoukkaflow%20')).body
  expect(typo.correctedQuery).toBe('quokkaflow')
  expect(typo.totalDocs).toBe(2)
  expect((await search('q=quokkaflow')).body.correctedQuery).toBeNull()
})

test('filters by collection, topic, region and date', async () => {
  event = await create('events', {
    title: 'Quokkaflow meetup in Cardiff',
    summary: 'Meet improvers',
    startsAt: '2026-03-10T18:00:00.000Z',
    endsAt: '2026-03-10T20:00:00.000Z',
    region: 'wales',
    onlineUrl: 'https://meet.example.org/secretwombatlink',
  })
  expect((await search('q=quokkaflow')).body.totalDocs).toBe(3)
  const events = (await search('q=quokkaflow&collections=events,lab-themes')).body
  expect(ids(events)).toEqual([`events:${event.id}`])
  expect(events.docs[0]).toMatchObject({ region: 'wales', date: '2026-03-10T18:00:00.000Z' })
  expect(ids((await search('q=quokkaflow&region=wales')).body)).toEqual([`events:${event.id}`])
  expect((await search('q=quokkaflow&region=scotland')).body.totalDocs).toBe(0)
  expect(ids((await search('q=quokkaflow&topic=leadership')).body)).toEqual([`blogs:${titled.id}`])
  expect(ids((await search('q=quokkaflow&from=2026-03-10&to=2026-03-10')).body)).toEqual([
    `events:${event.id}`,
  ])
  expect((await search('q=quokkaflow&to=2026-03-09')).body.totalDocs).toBe(0)
  // Members-only fields are never indexed.
  expect((await search('q=secretwombatlink')).body.totalDocs).toBe(0)
})

test('drafts are never found; a draft over a published document keeps the published text', async () => {
  await create(
    'blogs',
    { title: 'Wallabydraft ideas', content: richText('x'), _status: 'draft' },
    true,
  )
  expect((await search('q=wallabydraft')).body.totalDocs).toBe(0)

  await update('blogs', titled.id, { title: 'Platypusdraft retitled' }, true)
  expect((await search('q=platypusdraft')).body.totalDocs).toBe(0)
  expect(ids((await search('q=quokkaflow&topic=leadership')).body)).toEqual([`blogs:${titled.id}`])

  // Unpublished: gone. Deleted: gone.
  await update('blogs', titled.id, { _status: 'draft' })
  expect(ids((await search('q=quokkaflow')).body)).not.toContain(`blogs:${titled.id}`)
  expect((await client.request('DELETE', `/api/events/${event.id}`, { token })).status).toBe(200)
  expect(ids((await search('q=quokkaflow')).body)).toEqual([`blogs:${bodied.id}`])
})

test('bad input is a 400 naming the field; hostile queries never fail', async () => {
  const refusals: [string, string][] = [
    ['', 'q'],
    ['q=', 'q'],
    ['q=%20%20', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=***', 'q'],
    ['q=-alone', 'q'],
    ['q=care&collections=members', 'collections'],
    ['q=care&collections=blogs,', 'collections'],
    ['q=care&limit=0', 'limit'],
    ['q=care&limit=51', 'limit'],
    ['q=care&limit=abc', 'limit'],
    ['q=care&page=0', 'page'],
    ['q=care&page=101', 'page'],
    ['q=care&region=atlantis', 'region'],
    ['q=care&topic=cooking', 'topic'],
    ['q=care&from=2026-02-30', 'from'],
    ['q=care&to=yesterday', 'to'],
    ['q=care&from=2026-05-01&to=2026-04-01', 'from'],
  ]
  for (const [query, field] of refusals) {
    const response = await search(query)
    expect([query, response.status]).toEqual([query, 400])
    expect(errorPaths(response.body)).toContain(field)
  }
  const hostile = [
    '"unclosed',
    'NEAR(care quality, 2)',
    'care*',
    '*care',
    '- - -x',
    'care OR OR OR',
    'OR care',
    'title:care',
    "care'; DROP TABLE search_documents; --",
    'care & !quality | (x) <-> y:*',
    '"""""',
    'ümlaut café naïve 日本語 🙂',
    'a'.repeat(200),
    'x '.repeat(25),
  ]
  for (const q of hostile) {
    const response = await search(`q=${encodeURIComponent(q)}`)
    expect([q, response.status]).toEqual([q, response.status === 400 ? 400 : 200])
  }
  const huge = await client.request('GET', `/api/search?q=${'b'.repeat(10_000)}`)
  expect(huge.status).toBe(400)
  expect((await search('q=quokkaflow')).body.totalDocs).toBe(1)
})

test('anonymous answers come from the read cache and follow writes', async () => {
  const first = await client.request('GET', '/api/search?q=platypusdraft')
  expect(first.status).toBe(200)
  expect((first.body as SearchBody).totalDocs).toBe(0)
  const etag = first.headers.get('etag')
  expect(etag).toBeTruthy()
  expect(first.headers.get('cache-control')).toMatch(/^public/)
  const again = await client.request('GET', '/api/search?q=platypusdraft', {
    headers: { 'If-None-Match': etag ?? '' },
  })
  expect(again.status).toBe(304)
  // Publishing the draft (its new title) invalidates every cached answer.
  await update('blogs', titled.id, { _status: 'published' })
  const fresh = await client.request('GET', '/api/search?q=platypusdraft')
  expect(ids(fresh.body as SearchBody)).toEqual([`blogs:${titled.id}`])
})

test('search:reindex rebuilds the index from the published documents, idempotently', async () => {
  const before = (await search('q=quokkaflow')).body
  for (let run = 0; run < 2; run++) {
    const result = spawnSync(
      process.execPath,
      [path.join(process.cwd(), 'dist', 'search-reindex.mjs')],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          NODE_OPTIONS: '',
          DATABASE_URL: server.databaseURL,
          MEDIA_DIR: server.mediaDir,
          PAYLOAD_SECRET: 'test-secret-not-for-production',
        },
        encoding: 'utf8',
      },
    )
    expect([result.status, result.stderr]).toEqual([0, ''])
    expect(result.stdout).toMatch(
      /\[search:reindex\] \d+ documents indexed, 0 stale entries removed/,
    )
  }
  const after = (await search('q=quokkaflow')).body
  expect(ids(after)).toEqual(ids(before))
  expect((await search('q=wallabydraft')).body.totalDocs).toBe(0)
})

test('uncached searches are rate-limited per client', async () => {
  let status = 200
  for (let i = 0; i < SEARCH_RATE_LIMIT && status !== 429; i++)
    status = (await search(`q=limit${i}`)).status
  expect(status).toBe(429)
})
