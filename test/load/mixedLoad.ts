/**
 * The mixed load shared by the load test (test/load/mixedLoad.int.spec.ts), the crash test and
 * `npm run load` (bench/load.mjs): a pool of clients each sending one request after another, of
 * kinds drawn by weight, recording status, latency and every acknowledged write.
 */
import { api } from '../helpers/server'

export type RequestKind =
  | 'blogs list'
  | 'events list'
  | 'blog by id'
  | 'event by id'
  | 'graphql'
  | 'comment thread'
  | 'comment (member)'
  | 'comment (guest)'
  | 'subscribe'

export const READ_KINDS: readonly RequestKind[] = [
  'blogs list',
  'events list',
  'blog by id',
  'event by id',
  'graphql',
  'comment thread',
]
export const WRITE_KINDS: readonly RequestKind[] = [
  'comment (member)',
  'comment (guest)',
  'subscribe',
]

/** How often each kind is drawn: a public site reads far more than it writes. */
export const DEFAULT_WEIGHTS: Record<RequestKind, number> = {
  'blogs list': 3,
  'events list': 2,
  'blog by id': 3,
  'event by id': 2,
  graphql: 2,
  'comment thread': 3,
  'comment (member)': 2,
  'comment (guest)': 1,
  subscribe: 2,
}

/** Only writes: what the crash test sends while the server is killed. */
export const WRITE_WEIGHTS: Record<RequestKind, number> = {
  'blogs list': 0,
  'events list': 0,
  'blog by id': 0,
  'event by id': 0,
  graphql: 0,
  'comment thread': 0,
  'comment (member)': 2,
  'comment (guest)': 1,
  subscribe: 2,
}

/** Rate limits and flood control raised so that every request of the load is served (set on the server's env). */
export const LOAD_ENV = {
  COMMENT_RATE_LIMIT: '1000000',
  SUBSCRIBE_RATE_LIMIT: '1000000',
  LOGIN_RATE_LIMIT: '1000',
  // A subscribe is acknowledged (202) once queued; the queue records it, so work it every second.
  SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
}

export type LoadTarget = {
  url: string
  adminToken: string
  memberTokens: string[]
  blogIds: number[]
  eventIds: number[]
  /** Distinguishes this run's comments and addresses from everything else in the database. */
  runId: string
}

type Client = ReturnType<typeof api>

const ok = (status: number, expected: number, what: string, text: string) => {
  if (status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${status}: ${text.slice(0, 300)}`)
}

/**
 * Prepares a running, seeded server for the load: flood control off (every client comes from
 * 127.0.0.1, so a per-address interval would refuse all but one comment in 15 s), members created
 * and logged in, and the ids of the published blogs and events the readers ask for.
 */
export const prepareLoad = async (
  url: string,
  admin: { email: string; password: string },
  options: { members?: number } = {},
): Promise<LoadTarget> => {
  const client = api(url)
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const adminToken = await client.login('users', admin.email, admin.password)
  const policy = await client.request('POST', '/api/globals/comment-policy', {
    token: adminToken,
    json: { floodIntervalSeconds: 0 },
  })
  ok(policy.status, 200, 'comment policy', policy.text)
  const memberTokens: string[] = []
  for (let i = 0; i < (options.members ?? 6); i++) {
    const email = `load-${runId}-member-${i}@members.example.org`
    const password = `load-password-${runId}-${i}`
    const created = await client.request('POST', '/api/members', {
      token: adminToken,
      json: { name: `Load member ${i}`, email, password, profession: 'nurse', region: 'wales' },
    })
    ok(created.status, 201, 'member', created.text)
    memberTokens.push(await client.login('members', email, password))
  }
  const idsOf = async (collection: string) => {
    const response = await client.request('GET', `/api/${collection}?limit=20&depth=0`)
    ok(response.status, 200, collection, response.text)
    const ids = (response.body.docs ?? []).map((doc) => doc.id)
    if (!ids.length) throw new Error(`no published ${collection}: the load needs the demo seed`)
    return ids
  }
  return {
    url,
    adminToken,
    memberTokens,
    blogIds: await idsOf('blogs'),
    eventIds: await idsOf('events'),
    runId,
  }
}

export type Failure = { kind: RequestKind; status: number | string; detail: string }

export type LoadResult = {
  seconds: number
  requests: number
  /** Latencies (ms) of the answered requests, per kind. */
  latencies: Record<RequestKind, number[]>
  /** Every request that did not get the status its kind expects (5xx, 429, 4xx) or no answer at all. */
  failures: Failure[]
  /** Ids of comments answered 201. */
  comments: number[]
  /** Addresses answered 202. */
  subscribers: string[]
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T

const drawKind = (weights: Record<RequestKind, number>): RequestKind => {
  const entries = Object.entries(weights) as [RequestKind, number][]
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  let ticket = Math.random() * total
  for (const [kind, weight] of entries) {
    ticket -= weight
    if (ticket < 0 && weight > 0) return kind
  }
  return entries.filter(([, weight]) => weight > 0)[0]?.[0] ?? 'blogs list'
}

const GRAPHQL_LIST =
  'query { Blogs(limit: 5) { docs { id title slug } } Events(limit: 5) { docs { id title } } }'

/**
 * Runs `concurrency` clients for `seconds` (or until `signal` aborts), each sending one request after
 * another. A write counts as acknowledged only when its 2xx answer has arrived.
 */
export const runMixedLoad = async (
  target: LoadTarget,
  options: {
    seconds: number
    concurrency: number
    weights?: Record<RequestKind, number>
    signal?: AbortSignal
    /** Called as each write is acknowledged. */
    onAcknowledged?: (kind: RequestKind) => void
  },
): Promise<LoadResult> => {
  const client: Client = api(target.url)
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const latencies = Object.fromEntries(
    Object.keys(DEFAULT_WEIGHTS).map((kind) => [kind, [] as number[]]),
  ) as Record<RequestKind, number[]>
  const failures: Failure[] = []
  const comments: number[] = []
  const subscribers: string[] = []
  let sequence = 0
  let requests = 0

  const send = async (kind: RequestKind): Promise<void> => {
    const n = (sequence += 1)
    const blogId = pick(target.blogIds)
    const comment = {
      target: { relationTo: 'blogs', value: blogId },
      body: `Load ${target.runId} comment ${n}: a constructive remark.`,
      policyAccepted: true,
    }
    const email = `load-${target.runId}-${n}@readers.example.org`
    const started = performance.now()
    let response: Awaited<ReturnType<Client['request']>>
    let expected = 200
    switch (kind) {
      case 'blogs list':
        response = await client.request('GET', '/api/blogs?limit=10&depth=1')
        break
      case 'events list':
        response = await client.request('GET', '/api/events?limit=10&depth=1')
        break
      case 'blog by id':
        response = await client.request('GET', `/api/blogs/${blogId}`)
        break
      case 'event by id':
        response = await client.request('GET', `/api/events/${pick(target.eventIds)}`)
        break
      case 'graphql':
        response = await client.graphql(GRAPHQL_LIST)
        break
      case 'comment thread':
        response = await client.request('GET', `/api/comments/thread?collection=blogs&id=${blogId}`)
        break
      case 'comment (member)':
        expected = 201
        response = await client.request('POST', '/api/comments', {
          token: pick(target.memberTokens),
          json: comment,
        })
        break
      case 'comment (guest)':
        expected = 201
        response = await client.request('POST', '/api/comments', {
          json: {
            ...comment,
            authorName: `Guest ${n}`,
            authorEmail: `guest-${target.runId}-${n}@guests.example.org`,
          },
        })
        break
      case 'subscribe':
        expected = 202
        response = await client.request('POST', '/api/subscribers/subscribe', {
          json: { email, topics: ['blogs'], frequency: 'weekly' },
        })
        break
    }
    latencies[kind].push(performance.now() - started)
    const graphQLErrors = kind === 'graphql' && Array.isArray(response.body?.errors)
    if (response.status !== expected || graphQLErrors) {
      failures.push({ kind, status: response.status, detail: response.text.slice(0, 300) })
      return
    }
    if (kind === 'comment (member)' || kind === 'comment (guest)')
      comments.push(response.body.doc?.id as number)
    if (kind === 'subscribe') subscribers.push(email)
    if (WRITE_KINDS.includes(kind)) options.onAcknowledged?.(kind)
  }

  const deadline = Date.now() + options.seconds * 1000
  const startedAt = performance.now()
  const worker = async () => {
    while (Date.now() < deadline && !options.signal?.aborted) {
      const kind = drawKind(weights)
      requests += 1
      try {
        await send(kind)
      } catch (error) {
        // No answer: refused connection, reset, or the server died.
        const cause = (error as { cause?: { code?: string } }).cause
        failures.push({
          kind,
          status: cause?.code ?? 'no answer',
          detail: (error as Error).message,
        })
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return {
    seconds: (performance.now() - startedAt) / 1000,
    requests,
    latencies,
    failures,
    comments,
    subscribers,
  }
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )

/** Acknowledged writes the database no longer holds, read back with admin credentials. */
export const missingWrites = async (
  url: string,
  adminToken: string,
  written: { comments: number[]; subscribers: string[] },
) => {
  const client = api(url)
  const found = async (collection: string, field: string, values: (string | number)[]) => {
    const present = new Set<string>()
    for (const chunk of chunks(values, 50)) {
      const where = chunk
        .map((value, i) => `where[${field}][in][${i}]=${encodeURIComponent(String(value))}`)
        .join('&')
      const response = await client.request(
        'GET',
        `/api/${collection}?${where}&limit=${chunk.length}&depth=0`,
        { token: adminToken },
      )
      ok(response.status, 200, `read back ${collection}`, response.text)
      for (const doc of response.body.docs ?? []) present.add(String(doc[field]))
    }
    return present
  }
  const comments = await found('comments', 'id', written.comments)
  const subscribers = await found('subscribers', 'email', written.subscribers)
  return {
    comments: written.comments.filter((id) => !comments.has(String(id))),
    subscribers: written.subscribers.filter((email) => !subscribers.has(email)),
  }
}

/**
 * `missingWrites` once the queue has caught up: an acknowledged subscribe is a queued job that
 * records the address within a second or two (and after a restart, once the queue runs again).
 */
export const missingWritesOnceQueued = async (
  url: string,
  adminToken: string,
  written: { comments: number[]; subscribers: string[] },
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs
  let missing = await missingWrites(url, adminToken, written)
  while ((missing.comments.length > 0 || missing.subscribers.length > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    missing = await missingWrites(url, adminToken, written)
  }
  return missing
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number)
    : Number.NaN
}
