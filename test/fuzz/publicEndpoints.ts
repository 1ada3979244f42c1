/**
 * Property-based fuzzing of the public HTTP surface (fast-check): generated requests to every
 * collection's REST routes, GraphQL and the custom endpoints, with random methods, query strings,
 * content types and bodies. Shared by the jest test (`npm test`, a few thousand cases) and
 * `npm run fuzz` (tens of thousands).
 *
 * Properties: no answer is a 5xx (GraphQL: no error standing for one), none takes longer than `maxMillis`, and a batch of requests in
 * which every write was refused (4xx) leaves the row counts of the writable collections unchanged.
 */
import fc from 'fast-check'
import { stringify } from 'qs-esm'

export type FuzzCase = {
  method: string
  path: string
  query: string
  contentType?: string
  body?: Uint8Array | string
  token?: 'member'
}

export type FuzzFailure = {
  case: FuzzCase
  status?: number
  millis: number
  problem: string
  text?: string
}

/** A failure in a few lines: the request (body cut short) and the answer. */
export const describeFailure = ({ case: testCase, status, millis, problem, text }: FuzzFailure) => {
  const body =
    testCase.body === undefined
      ? ''
      : typeof testCase.body === 'string'
        ? testCase.body
        : `bytes ${Buffer.from(testCase.body).toString('hex')}`
  return `${problem}: ${testCase.method} ${testCase.path}${testCase.query.slice(0, 300)} [${testCase.contentType ?? 'no content type'}${testCase.token ? ', member' : ''}] body ${JSON.stringify(body.slice(0, 200))} → ${status ?? 'no answer'} in ${Math.round(millis)} ms ${text?.slice(0, 200) ?? ''}`
}

export type FuzzReport = {
  cases: number
  seed: number
  millis: number
  statuses: Record<string, number>
  slowest: { millis: number; case: FuzzCase }
  failures: FuzzFailure[]
}

/** Collections whose rows a refused request must never add or remove. */
export const WRITABLE = ['comments', 'subscribers', 'members', 'connections']

const FIELD_NAMES = [
  'title',
  'slug',
  '_status',
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'email',
  'status',
  'author',
  'heroImage',
  'heroImage.alt',
  'body',
  'name',
  'region',
  'topics',
  'nonexistent',
  'and',
  'or',
  'version.title',
  'parent',
  'startsAt',
  'year',
  'roles',
  'password',
  'hash',
  '',
]
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  'bogus',
]
const QUERY_KEYS = [
  'where',
  'sort',
  'select',
  'limit',
  'page',
  'depth',
  'draft',
  'locale',
  'fallback-locale',
  'pagination',
  'data',
  'populate',
  'joins',
  'trash',
  'collection',
  'id',
  'from',
  'to',
  'interval',
  'token',
  'format',
  'kind',
  'at',
]
const JUNK = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  'false',
  '0',
  '-1',
  '1',
  '2',
  '999999999999999999999',
  '1e309',
  'NaN',
  '1.5',
  '2027-01-01',
  'not-a-date',
  '{"a":1}',
  '[]',
  '%',
  '%00',
  '\u0000',
  '\uD800',
  '🙂',
  "' OR 1=1 --",
  '<script>',
  '../../etc/passwd',
  'x'.repeat(300),
  'blogs',
  'published',
  'draft',
  'a,b,c',
  '-title',
  'admin@test.example.org',
]

const junkString = fc.oneof(
  fc.constantFrom(...JUNK),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
)
const scalar = fc.oneof(junkString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null))

const whereValue = fc.oneof(
  { weight: 4, arbitrary: junkString },
  { weight: 1, arbitrary: fc.array(junkString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(junkString, junkString, { maxKeys: 2 }) },
)
const condition = fc.dictionary(fc.constantFrom(...OPERATORS), whereValue, {
  minKeys: 1,
  maxKeys: 2,
})
const where: fc.Arbitrary<unknown> = fc.letrec<{ where: unknown }>((tie) => ({
  where: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), condition, { minKeys: 1, maxKeys: 2 }),
    fc.record({ or: fc.array(tie('where'), { maxLength: 2 }) }),
    fc.record({ and: fc.array(tie('where'), { maxLength: 2 }) }),
    junkString,
  ),
})).where

const queryValue = fc.oneof(
  { weight: 3, arbitrary: junkString },
  { weight: 1, arbitrary: fc.array(junkString, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom(...FIELD_NAMES, ...JUNK),
      fc.oneof(junkString, fc.dictionary(junkString, junkString, { maxKeys: 2 })),
      { maxKeys: 3 },
    ),
  },
)

/** A query string: structured where/sort/select, junk values, or raw junk (broken escapes, deep brackets). */
const queryString = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          where: fc.oneof(where, fc.json({ maxDepth: 3 })),
          sort: fc.oneof(
            fc
              .tuple(fc.boolean(), fc.constantFrom(...FIELD_NAMES))
              .map(([descending, name]) => (descending ? `-${name}` : name)),
            queryValue,
          ),
          select: queryValue,
          other: fc.dictionary(fc.constantFrom(...QUERY_KEYS), queryValue, { maxKeys: 4 }),
        },
        { requiredKeys: [] },
      )
      .map(({ other, ...known }) => stringify({ ...other, ...known }, { addQueryPrefix: true })),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((raw) => `?${raw}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('where', 'select', 'sort', 'depth'), fc.integer({ min: 1, max: 400 }))
      .map(([key, depth]) => `?${key}${'[and][0]'.repeat(depth)}[title][equals]=x`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '?where=%E0%A4%A',
      '?where={',
      '?limit=%FF',
      '?depth=99',
      '?limit=0&pagination=false',
      '?draft=true',
      '?where[title][intersects]=x',
      '?where[_status][near]=x',
    ),
  },
)

const encoder = new TextEncoder()
const deepJSON = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** A request body and its content type. */
const body: fc.Arbitrary<{ contentType?: string; body?: Uint8Array | string }> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 5,
    arbitrary: fc
      .record({
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/graphql-response+json',
          '',
        ),
        json: fc.oneof(
          fc.dictionary(
            fc.constantFrom(
              'email',
              'password',
              'body',
              'collection',
              'doc',
              'document',
              'parent',
              'name',
              'topics',
              'frequency',
              'token',
              'query',
              'variables',
              'reason',
              'title',
              'status',
              'policyAccepted',
              'guestName',
              'guestEmail',
              'data',
              'where',
            ),
            fc.oneof(scalar, fc.jsonValue({ maxDepth: 2 })),
            { maxKeys: 5 },
          ),
          fc.jsonValue({ maxDepth: 3 }),
        ),
      })
      .map(({ contentType, json }) => ({
        contentType: contentType || undefined,
        body: JSON.stringify(json) ?? 'null',
      })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ),
      body: fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(
          '{"email": "unterminated',
          '{"a":1}}',
          '\uFEFF{}',
          'a=b&email=x%40y.z&topics=blogs',
          '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{bad\r\n--x--\r\n',
          '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nxx\r\n--x--\r\n',
          '--x--',
        ),
        fc.integer({ min: 1000, max: 100_000 }).map(deepJSON),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      contentType: 'application/json',
      body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    }),
  },
)

// (fetch cannot send TRACE or CONNECT; the host answers them 405 like any unknown method.)
const METHODS = [
  'GET',
  'GET',
  'GET',
  'POST',
  'POST',
  'PATCH',
  'PUT',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
]

const GRAPHQL_QUERIES = [
  '{ Blogs { docs { title } } }',
  '{ Blogs(where: { title: { intersects: "x" } }) { docs { title } } }',
  '{ Blogs(where: { _status: { near: "x" } }) { docs { id } } }',
  '{ Blogs(sort: "nonexistent", limit: -1, page: 0) { totalDocs } }',
  '{ Blog(id: "abc") { title } }',
  '{ Members { docs { email } } }',
  '{ Comments { docs { body } } }',
  'mutation { loginMember(email: "a@b.c", password: "x") { token } }',
  'mutation { createComment(data: { body: "x" }) { id } }',
  'mutation { forgotPasswordMember(email: "a@b.c") }',
  'query ($id: Int!) { Blog(id: $id) { title } }',
  '{ __schema { types { name } } }',
  '{ Blogs(where: { title: { equals: { a: 1 } } }) { docs { id } } }',
  '{ Blogs(limit: 100) { docs { title content } } }',
  '{',
  '',
]

const graphQLBody = fc
  .record({
    query: fc.oneof(fc.constantFrom(...GRAPHQL_QUERIES), fc.string({ maxLength: 60 }), scalar),
    variables: fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(fc.constantFrom('id', 'where', 'x'), scalar, { maxKeys: 2 }),
    ),
    operationName: fc.oneof(fc.constant(undefined), junkString),
  })
  .map((value) => JSON.stringify(value))

/** Every public route: REST of each collection, GraphQL, and the custom endpoints. */
export const fuzzCases = (collections: string[]): fc.Arbitrary<FuzzCase> => {
  const id = fc.oneof(
    fc.constantFrom(
      '1',
      '2',
      '3',
      '999999',
      '0',
      '-1',
      'abc',
      '1.5',
      '%E0%A4%A',
      '..',
      '%2F',
      'null',
      ' ',
    ),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  )
  const restPath = fc.oneof(
    fc.constantFrom(...collections).map((slug) => `/api/${slug}`),
    fc.tuple(fc.constantFrom(...collections), id).map(([slug, docId]) => `/api/${slug}/${docId}`),
    fc
      .tuple(
        fc.constantFrom(...collections),
        fc.constantFrom(
          'count',
          'versions',
          'versions/1',
          'me',
          'init',
          'access',
          'login',
          'logout',
          'refresh-token',
          'first-register',
          'forgot-password',
          'reset-password',
          'unlock',
          'verify/abc',
          '1/duplicate',
        ),
      )
      .map(([slug, rest]) => `/api/${slug}/${rest}`),
  )
  const customPath = fc.constantFrom(
    '/api/comments/thread',
    '/api/comments/stats',
    '/api/comments/1/report',
    '/api/comments/abc/report',
    '/api/members/directory',
    '/api/members/consent-purposes',
    '/api/network/stats',
    '/api/network/growth',
    '/api/subscribers/subscribe',
    '/api/subscribers/confirm',
    '/api/subscribers/unsubscribe',
    '/api/subscribers/preferences',
    '/api/subscribers/me',
    '/api/users/login',
    '/api/members/login',
    '/api/users/forgot-password',
    '/api/members/forgot-password',
    '/api/access',
    '/api/globals/nothing',
    '/api/nonexistent',
    '/api/',
  )
  const rest = fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc.oneof(restPath, customPath),
    query: queryString,
    body,
    member: fc.integer({ min: 0, max: 9 }),
  })
  const graphql = fc.record({
    method: fc.constantFrom('POST', 'POST', 'POST', 'GET'),
    path: fc.constant('/api/graphql'),
    query: fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 40 }).map((text) => `?query=${encodeURIComponent(text)}`),
    ),
    body: fc.oneof(
      {
        weight: 3,
        arbitrary: graphQLBody.map((text) => ({ contentType: 'application/json', body: text })),
      },
      { weight: 1, arbitrary: body },
    ),
    member: fc.integer({ min: 0, max: 9 }),
  })
  return fc
    .oneof({ weight: 4, arbitrary: rest }, { weight: 1, arbitrary: graphql })
    .map(({ method, path, query, body: { contentType, body: payload }, member }) => ({
      method,
      path,
      query,
      ...(contentType ? { contentType } : {}),
      ...(payload !== undefined && !['GET', 'HEAD'].includes(method) ? { body: payload } : {}),
      ...(member < 3 ? { token: 'member' as const } : {}),
    }))
}

export type FuzzTarget = {
  url: string
  /** A member's token, for the cases sent as a logged-in member. */
  memberToken: string
  /** Row counts of the writable collections (read as an admin). */
  counts: () => Promise<Record<string, number>>
}

const send = async (target: FuzzTarget, testCase: FuzzCase, maxMillis: number) => {
  const headers: Record<string, string> = {}
  if (testCase.contentType) headers['Content-Type'] = testCase.contentType
  if (testCase.token) headers.Authorization = `JWT ${target.memberToken}`
  const started = performance.now()
  const controller = new AbortController()
  const timeout = setTimeout(() => controller.abort(), maxMillis * 5)
  try {
    const body =
      testCase.body === undefined
        ? undefined
        : new Blob([
            new Uint8Array(
              typeof testCase.body === 'string' ? encoder.encode(testCase.body) : testCase.body,
            ),
          ])
    const response = await fetch(`${target.url}${testCase.path}${testCase.query}`, {
      method: testCase.method,
      headers,
      body,
      signal: controller.signal,
    })
    const text = await response.text()
    return { status: response.status, text, millis: performance.now() - started }
  } catch (error) {
    return {
      status: undefined,
      text: String((error as Error).cause ?? error),
      millis: performance.now() - started,
    }
  } finally {
    clearTimeout(timeout)
  }
}

/** GraphQL answers 200 even when a resolver failed: its errors carry the status they stand for. */
const graphQLServerError = (testCase: FuzzCase, text: string) => {
  if (testCase.path !== '/api/graphql') return false
  try {
    const { errors } = JSON.parse(text) as { errors?: { extensions?: { statusCode?: number } }[] }
    return (errors ?? []).some((error) => (error.extensions?.statusCode ?? 0) >= 500)
  } catch {
    return false
  }
}

/** Runs `runs` generated cases, `concurrency` at a time, and reports every property violated. */
export const runFuzz = async (
  target: FuzzTarget,
  options: {
    runs: number
    seed?: number
    concurrency?: number
    maxMillis?: number
    collections: string[]
  },
): Promise<FuzzReport> => {
  const seed = options.seed ?? Date.now() % 2 ** 31
  const concurrency = options.concurrency ?? 8
  const maxMillis = options.maxMillis ?? 2000
  const cases = fc.sample(fuzzCases(options.collections), { numRuns: options.runs, seed })
  const statuses: Record<string, number> = {}
  const failures: FuzzFailure[] = []
  let slowest = { millis: 0, case: cases[0] }
  const started = performance.now()
  // Counts after one batch are the counts before the next: one count per batch.
  let before = await target.counts()
  for (let offset = 0; offset < cases.length; offset += concurrency) {
    const batch = cases.slice(offset, offset + concurrency)
    const results = await Promise.all(batch.map((testCase) => send(target, testCase, maxMillis)))
    results.forEach((result, index) => {
      const testCase = batch[index]
      statuses[String(result.status ?? 'no answer')] =
        (statuses[String(result.status ?? 'no answer')] ?? 0) + 1
      if (result.millis > slowest.millis)
        slowest = { millis: Math.round(result.millis), case: testCase }
      if (
        result.status === undefined ||
        result.status >= 500 ||
        graphQLServerError(testCase, result.text)
      )
        failures.push({
          case: testCase,
          status: result.status,
          millis: result.millis,
          problem: 'server error or no answer',
          text: result.text.slice(0, 300),
        })
      else if (result.millis > maxMillis)
        failures.push({
          case: testCase,
          status: result.status,
          millis: result.millis,
          problem: `slower than ${maxMillis} ms`,
        })
    })
    const isRead = (testCase: FuzzCase) => ['GET', 'HEAD', 'OPTIONS'].includes(testCase.method)
    if (batch.every(isRead)) continue
    const after = await target.counts()
    const allWritesRefused = batch.every(
      (testCase, index) =>
        isRead(testCase) ||
        ((results[index].status ?? 500) >= 400 && (results[index].status ?? 500) < 500),
    )
    if (allWritesRefused) {
      for (const slug of WRITABLE) {
        if (after[slug] !== before[slug]) {
          failures.push({
            case: batch.find((testCase) => !isRead(testCase)) ?? batch[0],
            millis: 0,
            problem: `${slug} went from ${before[slug]} to ${after[slug]} rows in a batch whose writes were all refused: ${JSON.stringify(batch).slice(0, 2000)}`,
          })
        }
      }
    }
    before = after
  }
  return {
    cases: cases.length,
    seed,
    millis: Math.round(performance.now() - started),
    statuses,
    slowest,
    failures,
  }
}
