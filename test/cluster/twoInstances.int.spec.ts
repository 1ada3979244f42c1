/**
 * Two instances of the real express host on one PostgreSQL database and one redis-server, as
 * "Running several instances" in the README describes: what one instance writes the other reads at
 * once, the limits count across both, and with both working the jobs queues every job runs once.
 *
 * Under `npm run test:postgres` the database is a new one in that run's cluster; under `npm test`
 * (SQLite) this file starts its own PostgreSQL cluster, since several instances need PostgreSQL.
 */
import pg from 'pg'

import { startPostgresCluster } from '../../scripts/postgresCluster.mjs'
import { startRedisServer } from '../../scripts/redisServer.mjs'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'
import { createTestDatabaseURL, databaseKindUnderTest } from '../helpers/testDatabase'

type Client = ReturnType<typeof api>

const LOGIN_LIMIT = 4
const WEEKLY_READERS = ['weekly-1@cluster.example.org', 'weekly-2@cluster.example.org']
const INSTANT_READERS = [
  'instant-1@cluster.example.org',
  'instant-2@cluster.example.org',
  'instant-3@cluster.example.org',
  'instant-4@cluster.example.org',
]

let stopPostgres: (() => void) | undefined
let redis: Awaited<ReturnType<typeof startRedisServer>>
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let a: RunningServer
let b: RunningServer
let clientA: Client
let clientB: Client
let admin: string
let db: pg.Client
/** The second of each minute the weekly digest fires at (UTC): once during this file. */
let digestSecond: number

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Alternates requests between the two instances. */
const either = (i: number) => (i % 2 === 0 ? clientA : clientB)

const subscribeAndConfirm = async (i: number, email: string, frequency: 'instant' | 'weekly') => {
  const subscribed = await either(i).request('POST', '/api/subscribers/subscribe', {
    json: { email, topics: ['blogs'], frequency },
  })
  expect(subscribed.status).toBe(202)
  const message = await smtp.waitFor(
    (received) => received.to.includes(email) && received.subject.startsWith('Confirm'),
    20_000,
  )
  const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1]
  expect(
    (await either(i + 1).request('POST', '/api/subscribers/confirm', { json: { token } })).status,
  ).toBe(200)
}

beforeAll(async () => {
  let databaseURL: string
  if (databaseKindUnderTest() === 'postgres')
    databaseURL = await createTestDatabaseURL('two-instances')
  else {
    const cluster = await startPostgresCluster()
    stopPostgres = cluster.stop
    databaseURL = cluster.url
  }
  ;[redis, smtp] = await Promise.all([startRedisServer(), startSmtpServer()])
  digestSecond = (new Date().getUTCSeconds() + 30) % 60
  const env = {
    DATABASE_URL: databaseURL,
    REDIS_URL: redis.url,
    SEED: 'false',
    // Each test below speaks from its own client address (X-Forwarded-For), so limits do not mix.
    TRUST_PROXY: '1',
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    SUBSCRIBE_RATE_LIMIT: '500',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'updates@q.example.org',
    // Both instances work every queue (JOBS_AUTORUN is true), every second.
    JOBS_CRON: '* * * * * *',
    SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
    SUBSCRIPTIONS_MAINTENANCE_CRON: '* * * * * *',
    SUBSCRIPTIONS_BATCH_SIZE: '2',
    SUBSCRIPTIONS_DIGEST_CRON: `${digestSecond} * * * * *`,
    SUBSCRIPTIONS_DIGEST_TIME_ZONE: 'UTC',
  }
  a = await startServer('cluster-a', env)
  b = await startServer('cluster-b', env, { reuse: a })
  clientA = api(a.url)
  clientB = api(b.url)
  admin = await clientA.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  db = new pg.Client({ connectionString: databaseURL })
  await db.connect()
  await Promise.all(WEEKLY_READERS.map((email, i) => subscribeAndConfirm(i, email, 'weekly')))
}, 120_000)

afterAll(async () => {
  await db?.end()
  await Promise.all([a?.stop(), b?.stop()])
  await Promise.all([redis?.stop(), smtp?.stop()])
  stopPostgres?.()
})

test('a publish or an edit on A is read as new from B at once', async () => {
  const before = await clientB.request('GET', '/api/blogs?limit=10&depth=1')
  expect(before.status).toBe(200)
  const created = await clientA.request('POST', '/api/blogs', {
    token: admin,
    json: { title: 'Published on A', excerpt: 'Cluster', _status: 'published' },
  })
  expect(created.status).toBe(201)
  const id = created.body.doc?.id
  const list = await clientB.request('GET', '/api/blogs?limit=10&depth=1')
  expect(list.body.docs?.map((doc) => doc.id)).toContain(id)
  expect((await clientB.request('GET', `/api/blogs/${id}`)).body.title).toBe('Published on A')

  expect(
    (
      await clientA.request('PATCH', `/api/blogs/${id}`, {
        token: admin,
        json: { title: 'Edited on A' },
      })
    ).status,
  ).toBe(200)
  expect((await clientB.request('GET', `/api/blogs/${id}`)).body.title).toBe('Edited on A')
})

test('network figures: a member who agrees on A counts on B at once (shared snapshot generation)', async () => {
  const before = (await clientB.request('GET', '/api/network/stats')).body.members as number
  const created = await clientA.request('POST', '/api/members', {
    token: admin,
    json: {
      name: 'Cluster member',
      email: 'member@cluster.example.org',
      password: 'a-long-test-password',
      profession: 'nurse',
      region: 'wales',
    },
  })
  expect(created.status).toBe(201)
  // Counted once they agree to network analysis (their own choice, on A).
  const member = await clientA.login(
    'members',
    'member@cluster.example.org',
    'a-long-test-password',
  )
  const optIn = await clientA.request('PATCH', `/api/members/${created.body.doc?.id}`, {
    token: member,
    json: { networkAnalysis: true },
  })
  expect(optIn.status).toBe(200)
  expect((await clientB.request('GET', '/api/network/stats')).body.members).toBe(before + 1)
})

test('login attempts count across both instances: 429 at the configured limit', async () => {
  const statuses: number[] = []
  for (let i = 0; i <= LOGIN_LIMIT; i++) {
    const response = await either(i).request('POST', '/api/users/login', {
      json: { email: ADMIN_EMAIL, password: 'wrong-password' },
      headers: { 'X-Forwarded-For': '203.0.113.10' },
    })
    statuses.push(response.status)
  }
  expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429])
  // Another address is not affected.
  const other = await clientB.request('POST', '/api/users/login', {
    json: { email: ADMIN_EMAIL, password: 'wrong-password' },
    headers: { 'X-Forwarded-For': '203.0.113.11' },
  })
  expect(other.status).toBe(401)
})

test('subscribe requests for one address count across both instances (5 an hour)', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 6; i++) {
    const response = await either(i).request('POST', '/api/subscribers/subscribe', {
      json: { email: 'often@cluster.example.org', topics: ['blogs'], frequency: 'instant' },
      headers: { 'X-Forwarded-For': `198.51.100.${i}` },
    })
    statuses.push(response.status)
  }
  expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
})

test('with both instances working the queue, each subscriber gets the update email once', async () => {
  await Promise.all(INSTANT_READERS.map((email, i) => subscribeAndConfirm(i, email, 'instant')))
  const title = 'Announced once'
  expect(
    (
      await clientB.request('POST', '/api/blogs', {
        token: admin,
        json: { title, excerpt: 'Once', _status: 'published' },
      })
    ).status,
  ).toBe(201)
  const isAnnouncement = (message: ReceivedEmail) => message.subject === `New on Q: ${title}`
  await smtp.waitForCount(isAnnouncement, INSTANT_READERS.length, 30_000)
  await sleep(2500) // both queues keep polling: nothing more arrives
  expect(
    smtp.messages
      .filter(isAnnouncement)
      .flatMap((message) => message.to)
      .sort(),
  ).toEqual([...INSTANT_READERS].sort())
}, 60_000)

test('scheduled publishes fire once each with both instances claiming jobs every second', async () => {
  const ids: number[] = []
  for (let i = 0; i < 8; i++) {
    const draft = await clientA.request('POST', '/api/blogs', {
      token: admin,
      json: { title: `Scheduled ${i}`, excerpt: 'Later', _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    ids.push(draft.body.doc?.id as number)
  }
  // As the admin's "schedule publish" queues them; due in a moment, so both crons race for them.
  const dueAt = new Date(Date.now() + 1500).toISOString()
  for (const id of ids) {
    await db.query(
      `INSERT INTO payload_jobs (task_slug, queue, input, wait_until) VALUES ('schedulePublish', 'default', $1, $2)`,
      [JSON.stringify({ type: 'publish', doc: { relationTo: 'blogs', value: id } }), dueAt],
    )
  }
  const deadline = Date.now() + 20_000
  let published = 0
  while (published < ids.length && Date.now() < deadline) {
    await sleep(250)
    published = Number(
      (
        await db.query(`SELECT count(*) FROM blogs WHERE id = ANY($1) AND _status = 'published'`, [
          ids,
        ])
      ).rows[0].count,
    )
  }
  expect(published).toBe(ids.length)
  await sleep(1500)
  // Each run of the job writes a published version: one run each, one version each.
  const versions = await db.query(
    `SELECT parent_id, count(*)::int AS runs FROM _blogs_v WHERE parent_id = ANY($1) AND version__status = 'published' GROUP BY parent_id`,
    [ids],
  )
  expect(Object.fromEntries(versions.rows.map((row) => [row.parent_id, row.runs]))).toEqual(
    Object.fromEntries(ids.map((id) => [id, 1])),
  )
}, 60_000)

test('the weekly digest fires once: each weekly subscriber gets one email', async () => {
  const isDigest = (message: ReceivedEmail) => message.subject.startsWith('This week on Q')
  // The schedule fires at `digestSecond` of the minute (within a minute of start).
  await smtp.waitForCount(isDigest, WEEKLY_READERS.length, 70_000)
  await sleep(2500)
  expect(
    smtp.messages
      .filter(isDigest)
      .flatMap((message) => message.to)
      .sort(),
  ).toEqual([...WEEKLY_READERS].sort())
}, 80_000)
