/**
 * A server killed with SIGKILL in the middle of writing, then started again on the same database
 * and media folder, loses nothing it acknowledged.
 *
 * While members and guests comment, visitors subscribe and an update email fans out to confirmed
 * subscribers through a real SMTP server, the process is killed at a random point of the fan-out.
 * After the restart:
 * - every comment answered 201 and every address answered 202 (a queued request) is in the database
 *   once the queue has run;
 * - every delivery record an observer read as `sent` before the kill is still `sent`, unchanged,
 *   and its recipient got exactly one copy. That is what "no acknowledged delivery record is lost"
 *   means: the worker marks a delivery sent only after the SMTP server accepted the message, and a
 *   committed mark survives the crash, so that recipient is never mailed again;
 * - every message the SMTP server accepted but the worker had not yet marked (the worker died in
 *   the few ms between) is resent at most once: each recipient ends with one or two copies, and
 *   every delivery of the mailing ends `sent`.
 */
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'
import {
  LOAD_ENV,
  type LoadResult,
  missingWritesOnceQueued,
  prepareLoad,
  runMixedLoad,
  WRITE_WEIGHTS,
} from './mixedLoad'

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>
type Client = ReturnType<typeof api>

const READERS = 40
const TITLE = 'Published while the server was killed'

const env = (smtp: Smtp) => ({
  ...LOAD_ENV,
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  EMAIL_FROM: 'updates@q.example.org',
  // The queue is worked every second; a dead worker's claims are taken back after 2 s.
  SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
  SUBSCRIPTIONS_MAINTENANCE_CRON: '*/2 * * * * *',
  SUBSCRIPTIONS_RETRY_DELAY_MS: '1000',
  SUBSCRIPTIONS_BATCH_SIZE: '10',
  SUBSCRIPTIONS_CLAIM_TIMEOUT_SECONDS: '2',
})

const isAnnouncement = (message: ReceivedEmail) => message.subject === `New on Q: ${TITLE}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Subscribes `count` readers to blogs, instantly, eight at a time, waits until the queue has recorded
 * them, then an admin confirms them all
 * (the double opt-in has its own tests; here only the fan-out to them matters).
 */
const confirmReaders = async (client: Client, adminToken: string, count: number) => {
  const emails = Array.from({ length: count }, (_, i) => `crash-reader-${i}@example.org`)
  let next = 0
  const worker = async () => {
    while (next < emails.length) {
      const email = emails[next++] as string
      const subscribed = await client.request('POST', '/api/subscribers/subscribe', {
        json: { email, topics: ['blogs'], frequency: 'instant' },
      })
      expect(subscribed.status).toBe(202)
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  // Each 202 is a queued request: wait until the queue has recorded every address.
  const deadline = Date.now() + 30_000
  let recorded = 0
  while (recorded < count && Date.now() < deadline) {
    await sleep(250)
    const found = await client.request(
      'GET',
      '/api/subscribers?where[email][like]=crash-reader-&limit=1&depth=0',
      { token: adminToken },
    )
    recorded = Number(found.body.totalDocs ?? 0)
  }
  const confirmed = await client.request(
    'PATCH',
    '/api/subscribers?where[email][like]=crash-reader-&depth=0',
    {
      token: adminToken,
      json: { status: 'confirmed', confirmedAt: new Date().toISOString() },
    },
  )
  expect([confirmed.status, confirmed.body.docs?.length]).toEqual([200, count])
}

type Delivery = { key: string; subscriberId: string; status: string; sentAt?: string | null }

const deliveriesOf = async (client: Client, token: string, mailing: string, status?: string) => {
  const where = `where[mailing][equals]=${encodeURIComponent(mailing)}${status ? `&where[status][equals]=${status}` : ''}`
  const response = await client.request(
    'GET',
    `/api/subscription-deliveries?${where}&limit=1000&depth=0`,
    { token },
  )
  expect(response.status).toBe(200)
  return (response.body.docs ?? []) as unknown as Delivery[]
}

let smtp: Smtp
let first: RunningServer | undefined
let second: RunningServer | undefined

beforeAll(async () => {
  smtp = await startSmtpServer()
})

afterAll(async () => {
  first?.child.kill('SIGKILL')
  await second?.stop()
  await smtp?.stop()
})

test('SIGKILL mid-write: no acknowledged comment, subscriber or sent delivery is lost', async () => {
  first = await startServer('crash', env(smtp))
  const target = await prepareLoad(
    first.url,
    { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    { members: 3 },
  )
  const client = api(first.url)
  await confirmReaders(client, target.adminToken, READERS)
  const recipients = await client.request(
    'GET',
    '/api/subscribers?where[status][equals]=confirmed&where[frequency][equals]=instant&where[topics][in]=blogs&limit=1000&depth=0',
    { token: target.adminToken },
  )
  const expected = (recipients.body.docs ?? []).map((doc) => String(doc.email)).sort()
  expect(expected.length).toBeGreaterThanOrEqual(READERS)

  // Writers run until the kill; the fan-out starts under their load.
  const stopWriters = new AbortController()
  const acknowledged = { comments: 0, subscribers: 0 }
  const writing: Promise<LoadResult> = runMixedLoad(target, {
    seconds: 120,
    concurrency: 8,
    weights: WRITE_WEIGHTS,
    signal: stopWriters.signal,
    onAcknowledged: (kind) =>
      kind === 'subscribe' ? (acknowledged.subscribers += 1) : (acknowledged.comments += 1),
  })
  const writesDeadline = Date.now() + 30_000
  while ((acknowledged.comments < 3 || acknowledged.subscribers < 3) && Date.now() < writesDeadline)
    await sleep(20)
  const published = await client.request('POST', '/api/blogs', {
    token: target.adminToken,
    json: { title: TITLE, excerpt: 'A crash test', _status: 'published' },
  })
  expect(published.status).toBe(201)
  const mailing = `publication:blogs:${published.body.doc?.id}`

  // An observer reads which deliveries are recorded as sent, until the kill.
  const seenSent = new Map<string, string>()
  let observing = true
  const observer = (async () => {
    while (observing) {
      try {
        for (const delivery of await deliveriesOf(client, target.adminToken, mailing, 'sent'))
          seenSent.set(delivery.key, String(delivery.sentAt))
      } catch {
        // the server died mid-read
      }
      await sleep(20)
    }
  })()

  // Killed once a random number of announcements (between 1 and 70 % of them) has been accepted.
  const killAfter = 1 + Math.floor(Math.random() * Math.floor(expected.length * 0.7))
  const deadline = Date.now() + 60_000
  while (smtp.messages.filter(isAnnouncement).length < killAfter && Date.now() < deadline)
    await sleep(2)
  first.child.kill('SIGKILL')
  await first.exited
  const acceptedBeforeKill = smtp.messages.filter(isAnnouncement).length
  observing = false
  stopWriters.abort()
  const load = await writing
  await observer
  expect(acceptedBeforeKill).toBeGreaterThanOrEqual(killAfter)
  expect(acceptedBeforeKill).toBeLessThan(expected.length)
  expect(load.comments.length).toBeGreaterThan(0)
  expect(load.subscribers.length).toBeGreaterThan(0)
  // Before the kill nothing failed; requests cut by the kill are not acknowledged, so they do not count.
  const failuresBeforeKill = load.failures.filter((failure) => typeof failure.status === 'number')
  expect(failuresBeforeKill).toEqual([])

  second = await startServer('crash-restart', env(smtp), { reuse: first })
  const restarted = api(second.url)
  const adminToken = await restarted.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)

  expect(await missingWritesOnceQueued(second.url, adminToken, load)).toEqual({
    comments: [],
    subscribers: [],
  })

  // The fan-out resumes once the dead worker's lease ends, and finishes.
  let status = ''
  const resumeDeadline = Date.now() + 90_000
  while (status !== 'done' && Date.now() < resumeDeadline) {
    await sleep(250)
    const response = await restarted.request(
      'GET',
      `/api/subscription-mailings?where[key][equals]=${encodeURIComponent(mailing)}&depth=0`,
      { token: adminToken },
    )
    status = String(response.body.docs?.[0]?.status ?? '')
  }
  expect(status).toBe('done')
  await sleep(1000) // anything sent late would arrive now

  const deliveries = await deliveriesOf(restarted, adminToken, mailing)
  expect(deliveries.length).toBe(expected.length)
  expect(deliveries.filter((delivery) => delivery.status !== 'sent')).toEqual([])
  const after = new Map(deliveries.map((delivery) => [delivery.key, String(delivery.sentAt)]))
  for (const [key, sentAt] of seenSent) expect([key, after.get(key)]).toEqual([key, sentAt])

  const copies = new Map<string, number>()
  for (const message of smtp.messages.filter(isAnnouncement))
    for (const to of message.to) copies.set(to, (copies.get(to) ?? 0) + 1)
  expect([...copies.keys()].sort()).toEqual(expected)
  expect([...copies.entries()].filter(([, count]) => count > 2)).toEqual([])
  // Recipients whose delivery was seen sent were never mailed again.
  const subscriberEmails = new Map<string, string>()
  const subscribers = await restarted.request(
    'GET',
    '/api/subscribers?where[status][equals]=confirmed&limit=1000&depth=0',
    { token: adminToken },
  )
  for (const doc of subscribers.body.docs ?? [])
    subscriberEmails.set(String(doc.id), String(doc.email))
  const sentBeforeKill = deliveries
    .filter((delivery) => seenSent.has(delivery.key))
    .map((delivery) => subscriberEmails.get(delivery.subscriberId) ?? '?')
  expect(sentBeforeKill.filter((email) => copies.get(email) !== 1)).toEqual([])
}, 300_000)
