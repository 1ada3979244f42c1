/**
 * The access matrix, from the live config: every collection and global (Payload's own `payload-*`
 * included) and the custom endpoints that need a login, tried over real HTTP by every actor, REST
 * and GraphQL, and compared with the table below. A slug the table does not know fails the test,
 * so a new collection (or one a Payload upgrade adds) cannot go live without a decision.
 *
 * Each request is classified as `deny` (401/403) or `pass` (access let it through: 2xx, or a
 * 400/404 from validation or a missing row). Writes aim at an id that does not exist and send
 * empty bodies, so nothing real is changed. Any 5xx fails. Payload answers 403 to an update or
 * delete of a missing id when access is a `Where` ("own rows only"), so those rows list only the
 * actors allowed to write any row.
 *
 * `ACCESS_MATRIX_RECORD=1` prints the observed table instead of comparing (to review, then paste).
 */
import type { SanitizedConfig } from 'payload'

import { api, type RunningServer, startServer } from '../helpers/server'
import { type Actor, ACTORS, type Actors, createActors } from './actors'

type Who =
  | 'absent'
  | 'nobody'
  | 'all'
  | 'loggedIn'
  | 'members'
  | 'staff'
  | 'moderators'
  | 'editors'
  | 'admin'
  | Actor[]

const WHO: Record<Exclude<Who, Actor[]>, readonly Actor[]> = {
  absent: [],
  nobody: [],
  all: ACTORS,
  loggedIn: ['member', 'optedOutMember', 'moderator', 'editor', 'admin'],
  members: ['member', 'optedOutMember'],
  staff: ['moderator', 'editor', 'admin'],
  moderators: ['moderator', 'admin'],
  editors: ['editor', 'admin'],
  admin: ['admin'],
}

type CollectionRow = {
  list: Who
  byId: Who
  count: Who
  versions?: Who
  create: Who
  update: Who
  delete: Who
  graphQL?: Who
}
type GlobalRow = { read: Who; update: Who }

/** Who gets past access, per collection and operation (Where-filtered reads count as `pass`). */
const COLLECTIONS: Record<string, CollectionRow> = {
  blogs: {
    list: 'all',
    byId: 'all',
    count: 'all',
    versions: 'editors',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  interviews: {
    list: 'all',
    byId: 'all',
    count: 'all',
    versions: 'editors',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  'evaluation-reports': {
    list: 'all',
    byId: 'all',
    count: 'all',
    versions: 'editors',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  events: {
    list: 'all',
    byId: 'all',
    count: 'all',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  'lab-themes': {
    list: 'all',
    byId: 'all',
    count: 'all',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  media: {
    list: 'all',
    byId: 'all',
    count: 'all',
    create: 'editors',
    update: 'editors',
    delete: 'editors',
    graphQL: 'all',
  },
  members: {
    list: 'all',
    byId: 'all',
    count: 'all',
    create: 'editors',
    update: 'editors',
    delete: 'admin',
    graphQL: 'all',
  },
  connections: {
    list: 'loggedIn',
    byId: 'loggedIn',
    count: 'loggedIn',
    create: ['member', 'optedOutMember', 'editor', 'admin'],
    update: 'editors',
    delete: 'admin',
    graphQL: 'loggedIn',
  },
  users: {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'admin',
    update: 'admin',
    delete: 'admin',
    graphQL: 'staff',
  },
  comments: {
    list: 'all',
    byId: 'all',
    count: 'all',
    create: ['anonymous', 'member', 'optedOutMember'],
    update: 'moderators',
    delete: 'moderators',
    graphQL: 'all',
  },
  'comment-decisions': {
    list: 'moderators',
    byId: 'moderators',
    count: 'moderators',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'moderators',
  },
  subscribers: {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'admin',
    delete: 'admin',
    graphQL: 'admin',
  },
  'subscription-mailings': {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'absent',
  },
  'subscription-deliveries': {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'absent',
  },
  // Receivers' URLs and signing secrets: admins only (see collections/Webhooks).
  webhooks: {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'admin',
    update: 'admin',
    delete: 'admin',
    graphQL: 'admin',
  },
  // The delivery log: written by the server alone.
  'webhook-deliveries': {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'admin',
  },
  // A member reads their own consent history (a Where), staff all of it; only the server writes.
  'consent-records': {
    list: 'loggedIn',
    byId: 'loggedIn',
    count: 'loggedIn',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'loggedIn',
  },
  'retention-runs': {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'staff',
  },
  // Erasure requests: staff see them (the Privacy area); only the server writes them.
  'erasure-requests': {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'nobody',
    update: 'nobody',
    delete: 'admin',
    graphQL: 'staff',
  },
  // Staff erasures, with their reasons: admins only.
  'privacy-log': {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'admin',
  },
  'network-exports': {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'staff',
    update: 'nobody',
    delete: 'admin',
    graphQL: 'staff',
  },
  // The ZIPs themselves: only through the staff download endpoint.
  'network-export-files': {
    list: 'nobody',
    byId: 'nobody',
    count: 'nobody',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'nobody',
  },
  'payload-kv': {
    list: 'nobody',
    byId: 'nobody',
    count: 'nobody',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'nobody',
  },
  'payload-jobs': {
    list: 'admin',
    byId: 'admin',
    count: 'admin',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    graphQL: 'admin',
  },
  'payload-locked-documents': {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'staff',
    update: 'nobody',
    delete: 'admin',
    graphQL: 'staff',
  },
  // DELETE /:id is Payload's own /:key endpoint here (staff, 404 for a missing key).
  'payload-preferences': {
    list: 'staff',
    byId: 'staff',
    count: 'staff',
    create: 'staff',
    update: 'nobody',
    delete: 'staff',
    graphQL: 'staff',
  },
  // No REST endpoints (checked: 501) and no GraphQL: only `payload migrate` touches it.
  'payload-migrations': {
    list: 'absent',
    byId: 'absent',
    count: 'absent',
    create: 'absent',
    update: 'absent',
    delete: 'absent',
  },
}

const GLOBALS: Record<string, GlobalRow> = {
  'comment-policy': { read: 'all', update: 'moderators' },
  'payload-jobs-stats': { read: 'admin', update: 'nobody' },
  'privacy-settings': { read: 'staff', update: 'admin' },
}

/** Custom endpoints that need a login (bodies are empty or invalid: `pass` may be a 400). */
const ENDPOINTS: Record<string, { method: string; path: string; who: Who }> = {
  'network brokers': { method: 'GET', path: '/api/network/brokers', who: 'staff' },
  'network export': { method: 'GET', path: '/api/network/export', who: 'staff' },
  'network import': { method: 'POST', path: '/api/network/import', who: 'editors' },
  'subscriber stats': { method: 'GET', path: '/api/subscribers/stats', who: 'admin' },
  'subscriber export.csv': { method: 'GET', path: '/api/subscribers/export.csv', who: 'admin' },
  'subscriber export by id': {
    method: 'GET',
    path: '/api/subscribers/999999999/export',
    who: 'admin',
  },
  'subscriber erase': { method: 'POST', path: '/api/subscribers/999999999/erase', who: 'admin' },
  'subscriber email preview': { method: 'GET', path: '/api/subscribers/preview', who: 'staff' },
  'comments ban': { method: 'POST', path: '/api/comments/ban', who: 'moderators' },
  'comments unban': { method: 'POST', path: '/api/comments/unban', who: 'moderators' },
  // Members get past the login check (then 404: no comment of theirs); everyone else is refused.
  'comments appeal': { method: 'POST', path: '/api/comments/999999999/appeal', who: 'members' },
  'jobs run': { method: 'GET', path: '/api/payload-jobs/run?limit=0', who: 'admin' },
  'webhook test event': { method: 'POST', path: '/api/webhooks/999999999/test', who: 'admin' },
}

const MISSING_ID = 999999999
const RECORD = process.env.ACCESS_MATRIX_RECORD === '1'

let server: RunningServer
let client: ReturnType<typeof api>
let actors: Actors
let config: SanitizedConfig

const expand = (who: Who): readonly Actor[] =>
  Array.isArray(who) ? who : WHO[who as Exclude<Who, Actor[]>]

type Outcome = 'pass' | 'deny'
/** Requests that answered 5xx: each is a failure of its own. */
const serverErrors: string[] = []
const classify = (status: number, what: string): Outcome => {
  if (status >= 500) serverErrors.push(`${what} answered ${status}`)
  return status === 401 || status === 403 ? 'deny' : 'pass'
}

/** GraphQL: denied when the only error is Payload's Forbidden/Unauthorized. */
const classifyGraphQL = (body: {
  data?: unknown
  errors?: { message: string }[]
}): Outcome | 'absent' => {
  const message = body.errors?.[0]?.message ?? ''
  if (/Cannot query field/.test(message)) return 'absent'
  if (/not allowed|Unauthorized/i.test(message)) return 'deny'
  if (body.errors?.length) throw new Error(`GraphQL error: ${message}`)
  return 'pass'
}

const graphQLListName = (slug: string): string | null => {
  const collection = config.collections.find((candidate) => candidate.slug === slug)
  if (!collection || collection.graphQL === false) return null
  const format = (label: unknown) =>
    String(label)
      .replace(/[^a-zA-Z0-9]+(.)?/g, (_m, next: string | undefined) => (next ?? '').toUpperCase())
      .replace(/^./, (c) => c.toUpperCase())
  const named = typeof collection.graphQL === 'object' ? collection.graphQL : undefined
  const singular = named?.singularName ?? format(collection.labels.singular)
  const plural = named?.pluralName ?? format(collection.labels.plural)
  // Payload names the list query `all<Name>` when singular and plural are the same word (Media).
  return plural === singular ? `all${singular}` : plural
}

/** Every (row, actor) attempt, run in parallel batches; returns `row → actors that passed`. */
const observe = async () => {
  const attempts: { row: string; actor: Actor; run: () => Promise<Outcome | 'absent'> }[] = []
  const add = (row: string, run: (token: string | undefined) => Promise<Outcome | 'absent'>) => {
    for (const actor of ACTORS) attempts.push({ row, actor, run: () => run(actors.tokens[actor]) })
  }
  const rest =
    (method: string, path: string, json?: unknown) => async (token: string | undefined) =>
      classify((await client.request(method, path, { token, json })).status, `${method} ${path}`)

  for (const collection of config.collections) {
    const { slug } = collection
    const base = `/api/${slug}`
    if (collection.endpoints === false) {
      // Nothing served: Payload answers 501, the host's guard 404 (see src/server/apiGuard.ts).
      add(`${slug} rest`, async (token) =>
        [404, 501].includes((await client.request('GET', base, { token })).status)
          ? 'absent'
          : 'pass',
      )
      continue
    }
    add(`${slug} list`, rest('GET', `${base}?limit=1&depth=0`))
    add(`${slug} byId`, rest('GET', `${base}/${MISSING_ID}?depth=0`))
    add(`${slug} count`, rest('GET', `${base}/count`))
    if (collection.versions)
      add(`${slug} versions`, rest('GET', `${base}/versions?limit=1&depth=0`))
    add(`${slug} create`, rest('POST', base, {}))
    add(`${slug} update`, rest('PATCH', `${base}/${MISSING_ID}`, {}))
    add(`${slug} delete`, rest('DELETE', `${base}/${MISSING_ID}`))
    const name = graphQLListName(slug)
    if (name) {
      add(`${slug} graphQL`, async (token) => {
        const response = await client.graphql(`{ ${name}(limit: 1) { totalDocs } }`, token)
        if (response.status >= 500) serverErrors.push(`GraphQL ${name} answered ${response.status}`)
        return classifyGraphQL(response.body as never)
      })
    }
  }
  for (const global of config.globals) {
    add(`global ${global.slug} read`, rest('GET', `/api/globals/${global.slug}?depth=0`))
    add(`global ${global.slug} update`, rest('POST', `/api/globals/${global.slug}`, {}))
  }
  for (const [name, endpoint] of Object.entries(ENDPOINTS))
    add(
      `endpoint ${name}`,
      rest(endpoint.method, endpoint.path, endpoint.method === 'GET' ? undefined : {}),
    )

  const passed = new Map<string, Actor[]>()
  const absent = new Set<string>()
  const batch = 12
  for (let start = 0; start < attempts.length; start += batch) {
    await Promise.all(
      attempts.slice(start, start + batch).map(async ({ row, actor, run }) => {
        const outcome = await run()
        if (!passed.has(row)) passed.set(row, [])
        if (outcome === 'pass') passed.get(row)?.push(actor)
        if (outcome === 'absent') absent.add(row)
      }),
    )
  }
  return { passed, absent }
}

let observed: Awaited<ReturnType<typeof observe>>

beforeAll(async () => {
  config = await (await import('@payload-config')).default
  server = await startServer('access-matrix', {
    LOGIN_RATE_LIMIT: '50',
    COMMENT_RATE_LIMIT: '1000',
  })
  client = api(server.url)
  actors = await createActors(client, 'matrix')
  observed = await observe()
  if (RECORD) {
    const order = (list: Actor[]) => ACTORS.filter((actor) => list.includes(actor))
    console.log(
      [...observed.passed]
        .map(([row, list]) => `${row}: ${order(list).join(' ') || '-'}`)
        .join('\n'),
      serverErrors,
    )
  }
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const sorted = (list: readonly Actor[]) => ACTORS.filter((actor) => list.includes(actor))

test('no request answers 5xx', () => {
  expect(serverErrors).toEqual([])
})

test('every collection and global of the live config has a row in the table', () => {
  expect(
    config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !(slug in COLLECTIONS)),
  ).toEqual([])
  expect(config.globals.map((global) => global.slug).filter((slug) => !(slug in GLOBALS))).toEqual(
    [],
  )
})

test('collections: REST and GraphQL access match the table', () => {
  const mismatches: string[] = []
  for (const collection of config.collections) {
    const row = COLLECTIONS[collection.slug]
    if (!row) continue
    const ops: (keyof CollectionRow)[] = ['list', 'byId', 'count', 'create', 'update', 'delete']
    if (collection.versions) ops.push('versions')
    if (graphQLListName(collection.slug)) ops.push('graphQL')
    for (const op of ops) {
      const key = `${collection.slug} ${op}`
      const absent =
        collection.endpoints === false && op !== 'graphQL'
          ? observed.absent.has(`${collection.slug} rest`)
          : observed.absent.has(key)
      if (absent !== (row[op] === 'absent')) {
        mismatches.push(
          `${key}: ${absent ? 'not in the API' : 'in the API'}, table says ${String(row[op])}`,
        )
        continue
      }
      if (absent) continue
      const expected = sorted(expand(row[op] ?? 'nobody'))
      const actual = sorted(observed.passed.get(key) ?? [])
      if (expected.join() !== actual.join())
        mismatches.push(
          `${key}: expected ${expected.join(' ') || '-'}, got ${actual.join(' ') || '-'}`,
        )
    }
  }
  expect(mismatches).toEqual([])
})

test('globals and custom endpoints match the table', () => {
  const mismatches: string[] = []
  for (const global of config.globals) {
    const row = GLOBALS[global.slug]
    if (!row) continue
    for (const op of ['read', 'update'] as const) {
      const key = `global ${global.slug} ${op}`
      const expected = sorted(expand(row[op]))
      const actual = sorted(observed.passed.get(key) ?? [])
      if (expected.join() !== actual.join())
        mismatches.push(
          `${key}: expected ${expected.join(' ') || '-'}, got ${actual.join(' ') || '-'}`,
        )
    }
  }
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
    const expected = sorted(expand(endpoint.who))
    const actual = sorted(observed.passed.get(`endpoint ${name}`) ?? [])
    if (expected.join() !== actual.join())
      mismatches.push(
        `endpoint ${name}: expected ${expected.join(' ') || '-'}, got ${actual.join(' ') || '-'}`,
      )
  }
  expect(mismatches).toEqual([])
})
