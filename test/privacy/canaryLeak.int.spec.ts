/**
 * The canary leak crawler. Unique markers are planted in every private field (emails, bios, an
 * opted-out member's name, passwords, tokens, hashes, guest addresses, subscriber data, members-only
 * event links, draft titles); then every response the public and a member can get (REST over every
 * collection and global of the live config, GraphQL selecting every field the schema exposes, the
 * custom endpoints, the admin pages) and every email the server sent is scanned, byte for byte, for
 * the markers its receiver may not see. Secrets are also read straight from the database (every
 * hash, salt, token and key column), so whatever a later change stores is covered too.
 *
 * A second part checks that `where`, `sort` and `select` on a field an actor cannot read never
 * change what that actor gets (REST and GraphQL): a 4xx, or the same documents in the same order.
 */
import { formatNames, type SanitizedConfig } from 'payload'

import {
  type Actor,
  canary,
  graphQLReads,
  LeakScanner,
  type Marker,
  mayRead,
  readSecretCells,
} from '../helpers/canary'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiBody,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type ReceivedEmail, startSmtpServer } from '../helpers/smtpServer'

type Client = ReturnType<typeof api>
type Response = Awaited<ReturnType<Client['request']>>

let server: RunningServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let client: Client
let databaseURL: string
let config: SanitizedConfig

const PASSWORD = 'a-long-test-password'
const markers: Marker[] = []
const scanner = new LeakScanner(() => markers)
const plant = (
  purpose: string,
  level: Marker['level'],
  owner?: string,
  value = canary(purpose),
): string => {
  markers.push({ purpose, value, level, owner })
  return value
}

const ANONYMOUS: Actor = { name: 'anonymous', level: 'public' }
const READER: Actor = { name: 'member (reader)', level: 'members', identity: 'reader' }
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
/** Email address → who reads that mailbox. */
const mailboxes = new Map<string, Actor>()

// The markers, each with who may see it.
const alice = {
  email: plant('email-alice', 'staff', 'alice', `${canary('email-alice')}@example.org`),
  bio: plant('bio-alice', 'members', 'alice'),
  password: plant('password-alice', 'never'),
  heldComment: plant('held-comment', 'staff', 'alice'),
  rejectedComment: plant('rejected-comment', 'staff', 'alice'),
  decisionReason: plant('decision-reason', 'staff', 'alice'),
  appealReason: plant('appeal-reason', 'staff', 'alice'),
}
const olivia = {
  name: plant('name-opted-out', 'staff', 'olivia', `Olivia ${canary('name-opted-out')}`),
  email: plant('email-opted-out', 'staff', 'olivia', `${canary('email-opted-out')}@example.org`),
  bio: plant('bio-opted-out', 'staff', 'olivia'),
  organisation: plant('organisation-opted-out', 'staff', 'olivia'),
}
const bob = {
  email: plant('email-bob', 'staff', 'bob', `${canary('email-bob')}@example.org`),
  bio: plant('bio-bob', 'members', 'bob'),
  reportReason: plant('report-reason', 'staff', 'bob'),
}
const staffEmail = plant(
  'email-staff',
  'staff',
  undefined,
  `${canary('email-staff')}@staff.example.org`,
)
const guests = {
  a: plant('guest-email-a', 'staff', 'guest-a', `a-${canary('guest-email')}@example.org`),
  z: plant('guest-email-z', 'staff', 'guest-z', `z-${canary('guest-email')}@example.org`),
}
const userAgent = plant('user-agent', 'never')
const onlineUrls = [plant('online-url-a', 'members'), plant('online-url-z', 'members')]
const drafts = {
  blog: plant('draft-blog-title', 'staff'),
  revision: plant('draft-revision-title', 'staff'),
  interview: plant('draft-interview-title', 'staff'),
  report: plant('draft-report-title', 'staff'),
  reportSummary: plant('draft-report-summary', 'staff'),
}
const subscribers = {
  a: plant('subscriber-email-a', 'staff', 'subscriber-a', `${canary('subscriber-a')}@example.org`),
  b: plant('subscriber-email-b', 'staff', 'subscriber-b', `${canary('subscriber-b')}@example.org`),
}
const readerEmail = `${canary('reader')}@example.org`

const idOf = (response: Response) => {
  if (response.status >= 300) throw new Error(`${response.status}: ${response.text}`)
  return (response.body.doc?.id ?? response.body.id) as number
}
const as = (token?: string, headers: Record<string, string> = {}) => ({ token, headers })

/** Every response an actor gets is scanned; the URL is what a failure names. */
const get = async (
  actor: Actor,
  pathname: string,
  token?: string,
  headers: Record<string, string> = {},
) => {
  const response = await client.request('GET', pathname, { ...as(token, headers) })
  scanner.scan(actor, `GET ${pathname} → ${response.status}`, response.text)
  return response
}

/** Runs the reads a few at a time: the server has two cores, and the scan runs meanwhile. */
const inParallel = async <T>(items: T[], work: (item: T) => Promise<unknown>, concurrency = 4) => {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++])
    }),
  )
}

const tokenFor = (actor: Actor) => (actor === READER ? tokens.reader : undefined)

const tokensIn = (message: ReceivedEmail) =>
  [
    ...`${message.text}\n${message.html}`.matchAll(
      /(?:token=|\/reset\/|\/verify\/)([A-Za-z0-9_-]{16,})/g,
    ),
  ].map((match) => match[1])

const setupPhases: string[] = []
let setupStarted = 0
const lap = (label: string) => setupPhases.push(`${label} ${Date.now() - setupStarted} ms`)

beforeAll(async () => {
  setupStarted = Date.now()
  smtp = await startSmtpServer()
  // The test reads the live config (collections, globals, the GraphQL schema) while the server starts.
  const configLoaded = import('@payload-config').then((module) => module.default)
  server = await startServer('canary', {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'community@q.example.org',
    COMMENT_RATE_LIMIT: '500',
    SUBSCRIBE_RATE_LIMIT: '500',
    SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
  })
  // The server's own (seeded) database, where the secrets are read from.
  databaseURL = server.databaseURL
  client = api(server.url)
  lap('server')
  config = await configLoaded
  lap('config')

  tokens.admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  mailboxes.set(ADMIN_EMAIL, { name: 'admin', level: 'staff' })
  idOf(
    await client.request('POST', '/api/users', {
      token: tokens.admin,
      json: {
        name: 'Canary moderator',
        email: staffEmail,
        password: PASSWORD,
        roles: ['moderator'],
      },
    }),
  )
  tokens.moderator = await client.login('users', staffEmail, PASSWORD)
  mailboxes.set(staffEmail, { name: 'moderator', level: 'staff' })

  const createMember = async (
    identity: string,
    data: Record<string, unknown>,
    password = PASSWORD,
  ) => {
    ids[identity] = idOf(
      await client.request('POST', '/api/members', {
        token: tokens.admin,
        json: { profession: 'nurse', region: 'wales', password, ...data },
      }),
    )
    tokens[identity] = await client.login('members', String(data.email), password)
    mailboxes.set(String(data.email), { name: identity, level: 'members', identity })
  }
  await createMember(
    'alice',
    { name: 'Alice Canary', email: alice.email, bio: alice.bio, organisation: 'NHS Wales' },
    alice.password,
  )
  plant('jwt-alice', 'never', 'alice', tokens.alice)
  await createMember('bob', { name: 'Bob Canary', email: bob.email, bio: bob.bio })
  await createMember('olivia', {
    name: olivia.name,
    email: olivia.email,
    bio: olivia.bio,
    organisation: olivia.organisation,
    directoryVisible: false,
  })
  plant('jwt-olivia', 'never', 'olivia', tokens.olivia)
  await createMember('reader', { name: 'Reader Canary', email: readerEmail })

  lap('members')
  // Members-only joining links, and drafts only staff may read.
  for (const [index, url] of onlineUrls.entries()) {
    idOf(
      await client.request('POST', '/api/events', {
        token: tokens.admin,
        json: {
          title: `Canary event ${index}`,
          startsAt: '2027-03-04T10:00:00.000Z',
          endsAt: '2027-03-04T12:00:00.000Z',
          timeZone: 'Europe/London',
          attendanceMode: 'online',
          onlineUrl: `https://meet.example.org/${url}`,
        },
      }),
    )
  }
  ids.draftBlog = idOf(
    await client.request('POST', '/api/blogs?draft=true', {
      token: tokens.admin,
      json: { title: drafts.blog, _status: 'draft' },
    }),
  )
  ids.draftInterview = idOf(
    await client.request('POST', '/api/interviews?draft=true', {
      token: tokens.admin,
      json: { title: drafts.interview, _status: 'draft' },
    }),
  )
  ids.draftReport = idOf(
    await client.request('POST', '/api/evaluation-reports?draft=true', {
      token: tokens.admin,
      json: {
        title: drafts.report,
        authorsOrganisation: 'RAND Europe',
        summary: drafts.reportSummary,
        _status: 'draft',
      },
    }),
  )
  ids.revisedBlog = idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: { title: 'A published canary blog', _status: 'published' },
    }),
  )
  expect(
    (
      await client.request('PATCH', `/api/blogs/${ids.revisedBlog}?draft=true`, {
        token: tokens.admin,
        json: { title: drafts.revision, _status: 'draft' },
      })
    ).status,
  ).toBe(200)
  // An opted-out member interviewed and writing: the documents are public, the member is not.
  ids.oliviaBlog = idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: {
        title: 'A blog by a private member',
        author: { relationTo: 'members', value: ids.olivia },
        _status: 'published',
      },
    }),
  )
  ids.interview = idOf(
    await client.request('POST', '/api/interviews', {
      token: tokens.admin,
      json: {
        title: 'An interview with a private member',
        interviewee: ids.olivia,
        _status: 'published',
      },
    }),
  )

  // Comments: guests (address and user agent private), held and rejected ones, a report.
  ids.commentBlog = idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: { title: 'Canary comments', _status: 'published' },
    }),
  )
  expect(
    (
      await client.request('POST', '/api/globals/comment-policy', {
        token: tokens.admin,
        json: { floodIntervalSeconds: 0 },
      })
    ).status,
  ).toBe(200)
  const comment = async (body: string, token?: string, extra: Record<string, unknown> = {}) =>
    idOf(
      await client.request('POST', '/api/comments', {
        token,
        headers: { 'User-Agent': userAgent },
        json: {
          target: { relationTo: 'blogs', value: ids.commentBlog },
          body,
          policyAccepted: true,
          ...extra,
        },
      }),
    )
  const moderate = async (id: number, status: string, reason = 'Within the policy') =>
    expect(
      (
        await client.request('PATCH', `/api/comments/${id}`, {
          token: tokens.moderator,
          json: { status, reason },
        })
      ).status,
    ).toBe(200)
  for (const [key, email] of Object.entries(guests)) {
    ids[`guest-${key}`] = await comment(`A guest comment ${key}`, undefined, {
      authorName: `Guest ${key}`,
      authorEmail: email,
    })
    await moderate(ids[`guest-${key}`], 'approved')
    mailboxes.set(email, { name: `guest ${key}`, level: 'public', identity: `guest-${key}` })
  }
  ids.heldComment = await comment(alice.heldComment, tokens.alice)
  ids.rejectedComment = await comment(alice.rejectedComment, tokens.alice)
  await moderate(ids.rejectedComment, 'rejected', alice.decisionReason)
  // Her appeal's reason is hers and the moderators' to read (the comment goes back to the queue).
  expect(
    (
      await client.request('POST', `/api/comments/${ids.rejectedComment}/appeal`, {
        token: tokens.alice,
        json: { reason: alice.appealReason },
      })
    ).status,
  ).toBe(201)
  // A listed member's comment is public and names them; their email and bio stay private even when populated.
  ids.bobComment = await comment('A comment by a listed member', tokens.bob)
  await moderate(ids.bobComment, 'approved')
  ids.oliviaComment = await comment('A comment by a member who left the directory', tokens.olivia)
  await moderate(ids.oliviaComment, 'approved')
  expect(
    (
      await client.request('POST', `/api/comments/${ids['guest-a']}/report`, {
        token: tokens.bob,
        json: { reason: bob.reportReason },
      })
    ).status,
  ).toBe(201)

  lap('content and comments')
  // Subscribers: two readers by double opt-in, Alice from her account; then a publication.
  for (const [key, email] of Object.entries(subscribers)) {
    mailboxes.set(email, {
      name: `subscriber ${key}`,
      level: 'public',
      identity: `subscriber-${key}`,
    })
    expect(
      (
        await client.request('POST', '/api/subscribers/subscribe', {
          headers: { 'User-Agent': userAgent },
          json: { email, topics: ['blogs'], frequency: 'instant' },
        })
      ).status,
    ).toBe(202)
    const message = await smtp.waitFor(
      (received) => received.to.includes(email) && received.subject.startsWith('Confirm'),
    )
    const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1]
    expect(
      (await client.request('POST', '/api/subscribers/confirm', { json: { token } })).status,
    ).toBe(200)
  }
  expect(
    (
      await client.request('POST', '/api/subscribers/me', {
        token: tokens.alice,
        json: { topics: ['blogs'], frequency: 'instant' },
      })
    ).status,
  ).toBeLessThan(300)
  expect(
    (await client.request('POST', '/api/members/forgot-password', { json: { email: alice.email } }))
      .status,
  ).toBe(200)
  await smtp.waitFor(
    (message) => message.to.includes(alice.email) && /reset|password/i.test(message.subject),
  )
  const announced = 'A canary announcement'
  idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: { title: announced, excerpt: 'Announced to subscribers', _status: 'published' },
    }),
  )
  for (const email of [subscribers.a, subscribers.b, alice.email])
    await smtp.waitFor(
      (message) => message.to.includes(email) && message.subject.includes(announced),
      20_000,
    )

  lap('subscribers and emails')
  // Tokens the emails carried belong to their recipient; every stored secret belongs to nobody.
  for (const message of smtp.messages) {
    const owner = message.to
      .map((address) => mailboxes.get(address)?.identity ?? address)
      .find(Boolean)
    for (const token of tokensIn(message))
      plant(`token emailed to ${message.to.join(',')}`, 'never', owner, token)
  }
  const ownerOfRow = (table: string, row: Record<string, unknown>) => {
    if (table === 'members')
      return Object.entries(ids).find(
        ([identity, id]) => id === Number(row.id) && tokens[identity],
      )?.[0]
    if (table === 'subscribers') return mailboxes.get(String(row.email))?.identity
    return undefined
  }
  const secrets = await readSecretCells(databaseURL)
  expect(secrets.some((cell) => cell.table === 'members' && cell.column === 'hash')).toBe(true)
  expect(
    secrets.some((cell) => cell.column === 'ip_hash' || cell.column === 'user_agent_hash'),
  ).toBe(true)
  for (const cell of secrets)
    plant(
      `stored ${cell.table}.${cell.column}`,
      'never',
      ownerOfRow(cell.table, cell.row),
      cell.value,
    )
  lap('secrets')
  console.info(`canary setup: ${setupPhases.join(', ')}`)
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

const ACTORS = [ANONYMOUS, READER]
const DEPTHS = [0, 1, 2]

describe('the canary leak crawler', () => {
  test('no public or member response, page or email carries a marker its receiver may not see', async () => {
    const started = Date.now()
    // REST: every collection and global of the live config, Payload's own included.
    const reads: [Actor, string][] = []
    for (const collection of config.collections) {
      const slug = collection.slug
      const drafts = Boolean(
        collection.versions &&
        typeof collection.versions === 'object' &&
        collection.versions.drafts,
      )
      const all = await client.request(
        'GET',
        `/api/${slug}?limit=100&depth=0${drafts ? '&draft=true' : ''}`,
        { token: tokens.admin },
      )
      // The project's own collections list for admins (a refused limit would leave nothing to crawl);
      // Payload's system collections answer as they do (crawled all the same).
      // Network export files are read by no API caller at all (the staff download streams them).
      const expected = slug === 'network-export-files' ? 403 : 200
      if (!slug.startsWith('payload-'))
        expect(`${slug}: ${all.status}`).toBe(`${slug}: ${expected}`)
      const docIds = (all.body.docs ?? []).map((doc) => doc.id)
      const versionIds = collection.versions
        ? (
            (
              await client.request('GET', `/api/${slug}/versions?limit=100&depth=0`, {
                token: tokens.admin,
              })
            ).body.docs ?? []
          ).map((doc) => doc.id)
        : []
      for (const actor of ACTORS) {
        for (const depth of DEPTHS) {
          reads.push([actor, `/api/${slug}?limit=100&depth=${depth}`])
          if (drafts) reads.push([actor, `/api/${slug}?limit=100&depth=${depth}&draft=true`])
          if (collection.versions)
            reads.push([actor, `/api/${slug}/versions?limit=100&depth=${depth}`])
        }
        reads.push([actor, `/api/${slug}/count`])
        // Asking for private fields of related documents, and for joins, by name.
        reads.push([
          actor,
          `/api/${slug}?limit=100&depth=1&populate[members][email]=true&populate[members][bio]=true&populate[users][email]=true`,
        ])
        for (const field of collection.flattenedFields.filter((entry) => entry.type === 'join'))
          reads.push([actor, `/api/${slug}?limit=100&depth=1&joins[${field.name}][limit]=100`])
        for (const id of docIds) {
          reads.push([actor, `/api/${slug}/${id}?depth=2`])
          if (drafts) reads.push([actor, `/api/${slug}/${id}?depth=0&draft=true`])
        }
        for (const id of versionIds) reads.push([actor, `/api/${slug}/versions/${id}?depth=1`])
        if (collection.auth) reads.push([actor, `/api/${slug}/me`])
      }
    }
    for (const global of config.globals) {
      for (const actor of ACTORS) {
        for (const depth of DEPTHS)
          reads.push([actor, `/api/globals/${global.slug}?depth=${depth}`])
        if (global.versions)
          reads.push(
            [actor, `/api/globals/${global.slug}?draft=true`],
            [actor, `/api/globals/${global.slug}/versions?depth=1`],
          )
      }
    }
    await inParallel(reads, ([actor, pathname]) => get(actor, pathname, tokenFor(actor)))
    // The crawl read real documents (a limit or depth refused would leave nothing to scan).
    for (const [actor, slug] of [
      [ANONYMOUS, 'blogs'],
      [ANONYMOUS, 'members'],
      [READER, 'members'],
      [READER, 'events'],
      [ANONYMOUS, 'comments'],
    ] as const) {
      const response = await client.request('GET', `/api/${slug}?limit=100&depth=2`, {
        token: tokenFor(actor),
      })
      expect(
        `${slug} as ${actor.name}: ${response.status} ${(response.body.docs ?? []).length > 0}`,
      ).toBe(`${slug} as ${actor.name}: 200 true`)
    }

    const phases: string[] = [`REST ${Date.now() - started} ms`]
    // GraphQL: every read the schema offers, every field selected.
    const { configToSchema } = await import('@payloadcms/graphql')
    const queries = graphQLReads(configToSchema(config).schema)
    expect(queries.length).toBeGreaterThan(config.collections.length)
    const answered = new Map(ACTORS.map((actor) => [actor, new Set<string>()]))
    const errorsOf = new Map<string, string>()
    const refusedEverywhere: string[] = []
    const graphQLTasks = ACTORS.flatMap((actor) =>
      queries.flatMap((read) =>
        (read.args.includes('draft') ? ['', 'draft: true'] : ['']).map((variant) => ({
          actor,
          read,
          variant,
        })),
      ),
    )
    await inParallel(graphQLTasks, async ({ actor, read, variant }) => {
      // The whole selection first; shallower and shorter ones only if the cost limits refuse it.
      for (const [budget, limit] of [
        [3, 100],
        [2, 100],
        [2, 20],
        [1, 20],
        [1, 5],
      ]) {
        const selection = read.selection(budget)
        if (selection === null) return
        const args = [read.paginated ? `limit: ${limit}` : '', variant].filter(Boolean).join(', ')
        const response = await client.graphql(
          `{ ${read.name}${args ? `(${args})` : ''} ${selection} }`,
          tokenFor(actor),
        )
        scanner.scan(
          actor,
          `GraphQL ${read.name}(${args}) selecting ${budget} levels → ${response.status}`,
          response.text,
        )
        if (
          (response.body.data?.[read.name] as { docs?: unknown[] } | null | undefined)?.docs?.length
        )
          answered.get(actor)?.add(read.name)
        const errors = (response.body.errors ?? []).map((error) => error.message).join(' ')
        if (errors) errorsOf.set(read.name, errors)
        if (!/complex|depth|cost|limit|exceed|too many/i.test(errors)) return
      }
      refusedEverywhere.push(`${read.name}(${variant}) as ${actor.name}`)
    })
    expect(refusedEverywhere).toEqual([])
    // The selections are valid: the public lists answer with documents.
    for (const actor of ACTORS) {
      const unanswered = ['Blogs', 'Events', 'Members', 'Comments'].filter(
        (name) => !answered.get(actor)?.has(name),
      )
      expect(
        unanswered.map(
          (name) => `${name} as ${actor.name}: ${errorsOf.get(name) ?? 'no documents'}`,
        ),
      ).toEqual([])
    }

    phases.push(`GraphQL ${Date.now() - started} ms`)
    // Custom endpoints.
    const blogIds = (
      (await client.request('GET', '/api/blogs?limit=100&depth=0', { token: tokens.admin })).body
        .docs ?? []
    ).map((doc) => doc.id)
    const interviewIds = (
      (await client.request('GET', '/api/interviews?limit=100&depth=0', { token: tokens.admin }))
        .body.docs ?? []
    ).map((doc) => doc.id)
    // The directory searches names, organisations and (for members) bios: try every planted text.
    const searches = [
      '',
      'canary',
      'example.org',
      ...markers
        .filter((marker) => marker.level !== 'never' && marker.value.length <= 100)
        .map((marker) => marker.value),
    ]
    const endpointReads: [Actor, string][] = ACTORS.flatMap((actor) => [
      ...blogIds.map((id): [Actor, string] => [
        actor,
        `/api/comments/thread?collection=blogs&id=${id}`,
      ]),
      ...interviewIds.map((id): [Actor, string] => [
        actor,
        `/api/comments/thread?collection=interviews&id=${id}`,
      ]),
      [actor, '/api/comments/stats'],
      [actor, '/api/comments/transparency'],
      [actor, `/api/comments/transparency?month=${new Date().toISOString().slice(0, 7)}`],
      [actor, '/api/network/stats'],
      [actor, '/api/network/growth?from=2025-01-01&to=2027-12-01&interval=month'],
      [actor, '/api/subscribers/me'],
      [actor, '/api/access'],
      // Feeds, calendars and the sitemap (src/frontends).
      [actor, '/api/feeds/all.xml'],
      [actor, '/api/feeds/all.atom'],
      [actor, '/api/feeds/all.json'],
      [actor, '/api/events.ics'],
      [actor, '/api/sitemap.xml'],
    ])
    await inParallel(endpointReads, ([actor, pathname]) => get(actor, pathname, tokenFor(actor)))
    // A search is an oracle too: a hidden value must find nobody (a marker is unique, so any hit means the hidden field was searched).
    const oracles: string[] = []
    await inParallel(
      ACTORS.flatMap((actor) => searches.map((q) => ({ actor, q }))),
      async ({ actor, q }) => {
        const found = await get(
          actor,
          `/api/members/directory?limit=100&q=${encodeURIComponent(q)}`,
          tokenFor(actor),
        )
        const marker = markers.find((entry) => entry.value === q)
        if (marker && !mayRead(actor, marker) && found.body.totalDocs !== 0)
          oracles.push(
            `directory q=${marker.purpose} finds ${String(found.body.totalDocs)} for ${actor.name}`,
          )
      },
    )
    expect(oracles).toEqual([])
    for (const actor of ACTORS) {
      const token = tokenFor(actor)
      for (const pathname of [
        '/api/network/export?format=json',
        '/api/network/export?format=gexf',
        '/api/network/brokers',
      ]) {
        expect(`${pathname}: ${(await get(actor, pathname, token)).status}`).toMatch(/: 40[13]$/)
      }
    }
    // The admin refuses members (a redirect to /admin/unauthorized), but the redirect's own body is
    // the rendered page: it is scanned too, sent as the browser would (cookie, same-origin).
    const adminPages = [
      '/admin',
      '/admin/collections/members',
      `/admin/collections/members/${ids.alice}`,
      '/admin/collections/comments',
      '/admin/collections/subscribers',
      '/admin/collections/comment-decisions',
    ]
    for (const pathname of adminPages) {
      for (const actor of ACTORS) {
        const token = tokenFor(actor)
        const headers: Record<string, string> = {
          Origin: server.url,
          'Sec-Fetch-Site': 'same-origin',
          ...(token ? { Cookie: `payload-token=${token}` } : {}),
        }
        const response = await fetch(`${server.url}${pathname}`, { headers, redirect: 'manual' })
        const text = await response.text()
        scanner.scan(actor, `admin page ${pathname} → ${response.status}`, text)
        if (actor === READER)
          expect(
            `${pathname}: ${response.status} ${response.headers.get('location') ?? ''}`,
          ).toMatch(/: 30[237] \/admin\/unauthorized/)
        expect(
          `${pathname} as ${actor.name}: ${text.includes('Alice Canary') ? 'shows a member' : 'no member data'}`,
        ).toBe(`${pathname} as ${actor.name}: no member data`)
      }
    }
    // A subscriber's own links show their own data, never another's; an unknown token shows nothing.
    for (const message of smtp.messages) {
      const reader = message.to.map((address) => mailboxes.get(address)).find(Boolean)
      if (!reader || !reader.identity?.startsWith('subscriber')) continue
      for (const token of tokensIn(message)) {
        await get(reader, `/api/subscribers/preferences?token=${token}`)
        await get(reader, `/api/subscribers/unsubscribe?token=${token}`)
      }
    }
    for (const pathname of [
      '/api/subscribers/preferences?token=x',
      '/api/subscribers/confirm?token=x',
      '/api/subscribers/unsubscribe?token=x',
    ])
      await get(ANONYMOUS, pathname)
    // Staff may export the network for evaluators: pseudonymised, so nothing personal in it at all.
    const exportReader: Actor = { name: 'evaluator (staff network export)', level: 'public' }
    for (const format of ['json', 'gexf']) {
      const response = await get(exportReader, `/api/network/export?format=${format}`, tokens.admin)
      expect(response.status).toBe(200)
      expect(response.text).not.toContain('Alice Canary')
    }

    phases.push(`endpoints ${Date.now() - started} ms`)
    // Every email, read as its recipient would.
    await new Promise((resolve) => setTimeout(resolve, 1500)) // decisions and alerts still on their way
    expect(smtp.messages.length).toBeGreaterThan(5)
    for (const message of smtp.messages) {
      const readers = message.to.map(
        (address) =>
          mailboxes.get(address) ?? {
            name: `mailbox ${address}`,
            level: 'public' as const,
            identity: address,
          },
      )
      for (const reader of readers) {
        scanner.scan(
          reader,
          `email to ${message.to.join(',')} "${message.subject}"`,
          [message.subject, message.text, message.html, JSON.stringify(message.rawHeaders)].join(
            '\n',
          ),
        )
      }
    }

    console.info(
      `canary crawler: ${scanner.scanned} responses and emails scanned for ${markers.length} markers in ${Date.now() - started} ms (${phases.join(', ')})`,
    )
    expect(scanner.report()).toBe('')
  }, 120_000)
})

type Probe = {
  collection: string
  field: string
  actors: Actor[]
  probe: () => string
  sortable?: boolean
  /** The field is public on other documents (a related member's name): only the hidden document's value must not be findable. */
  publicElsewhere?: boolean
}

/** Fields some actor cannot read, with a value that would match if a filter on them were applied. */
const PROBES: Probe[] = [
  {
    collection: 'members',
    field: 'email',
    actors: [ANONYMOUS, READER],
    probe: () => alice.email,
    sortable: true,
  },
  {
    collection: 'members',
    field: 'bio',
    actors: [ANONYMOUS],
    probe: () => alice.bio,
    sortable: true,
  },
  // Payload's own auth fields: a filter on them would be an oracle on reset tokens and lockouts.
  ...[
    'hash',
    'salt',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'loginAttempts',
    'lockUntil',
  ].map((field): Probe => ({
    collection: 'members',
    field,
    actors: [ANONYMOUS, READER],
    probe: () => 'a',
    sortable: true,
  })),
  {
    collection: 'comments',
    field: 'authorEmail',
    actors: [ANONYMOUS, READER],
    probe: () => guests.a,
    sortable: true,
  },
  {
    collection: 'comments',
    field: 'ipHash',
    actors: [ANONYMOUS, READER],
    probe: () => 'a',
    sortable: true,
  },
  {
    collection: 'comments',
    field: 'userAgentHash',
    actors: [ANONYMOUS, READER],
    probe: () => 'a',
    sortable: true,
  },
  {
    collection: 'comments',
    field: 'reportCount',
    actors: [ANONYMOUS, READER],
    probe: () => '1',
    sortable: true,
  },
  {
    collection: 'comments',
    field: 'reports.reason',
    actors: [ANONYMOUS, READER],
    probe: () => bob.reportReason,
  },
  {
    collection: 'comments',
    field: 'appeal.reason',
    actors: [ANONYMOUS, READER],
    probe: () => alice.appealReason,
  },
  {
    collection: 'comments',
    field: 'author.email',
    actors: [ANONYMOUS, READER],
    probe: () => olivia.email,
  },
  {
    collection: 'comments',
    field: 'author.name',
    actors: [ANONYMOUS, READER],
    probe: () => olivia.name,
    publicElsewhere: true,
  },
  {
    collection: 'interviews',
    field: 'interviewee.email',
    actors: [ANONYMOUS, READER],
    probe: () => olivia.email,
  },
  {
    collection: 'interviews',
    field: 'interviewee.name',
    actors: [ANONYMOUS, READER],
    probe: () => olivia.name,
    publicElsewhere: true,
  },
  {
    collection: 'events',
    field: 'onlineUrl',
    actors: [ANONYMOUS],
    probe: () => onlineUrls[0],
    sortable: true,
  },
  {
    collection: 'users',
    field: 'email',
    actors: [ANONYMOUS, READER],
    probe: () => staffEmail,
    sortable: true,
  },
]

const cases = PROBES.flatMap((probe) =>
  probe.actors.map(
    (actor) => [`${probe.collection}.${probe.field}`, actor.name, probe, actor] as const,
  ),
)

const refused = (response: Response) => response.status >= 400 && response.status < 500
const idList = (body: ApiBody) => (body.docs ?? []).map((doc) => doc.id)
const sameSet = (a: number[], b: number[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

/**
 * A filter on a value the actor cannot read must answer exactly as the same filter on a value
 * that exists nowhere (or be refused); `exists` on a field nobody else may read must not narrow the
 * list; both sort directions must give one order (the field is ignored) or both be refused.
 */
const VALUE_CONDITIONS = ['equals', 'like', 'contains', 'not_equals', 'in'] as const

describe('where, sort and select on a field the actor cannot read change nothing', () => {
  test.each(cases)(
    '%s as %s (REST)',
    async (_name, _actor, { collection, field, probe, sortable, publicElsewhere }, actor) => {
      const token = tokenFor(actor)
      const list = async (query: string) => {
        const response = await get(actor, `/api/${collection}?limit=100&depth=0&${query}`, token)
        return { response, refused: refused(response), ids: idList(response.body) }
      }
      const baseline = await list('sort=id')
      if (baseline.refused) return // the collection itself is closed to this actor
      const control = canary('nowhere')
      const problems: string[] = []
      await Promise.all(
        VALUE_CONDITIONS.map(async (operator) => {
          const filter = (value: string) =>
            list(
              `sort=id&where[${field}][${operator}]=${encodeURIComponent(operator === 'contains' ? value.slice(0, 16) : value)}`,
            )
          const [withMarker, withControl] = await Promise.all([filter(probe()), filter(control)])
          if (
            withMarker.refused !== withControl.refused ||
            !sameSet(withMarker.ids, withControl.ids)
          ) {
            problems.push(
              `where[${field}][${operator}]: ${withMarker.ids.length} docs for the hidden value, ${withControl.ids.length} for a value that exists nowhere`,
            )
          }
        }),
      )
      if (!publicElsewhere) {
        await Promise.all(
          ['true', 'false'].map(async (value) => {
            const filtered = await list(`sort=id&where[${field}][exists]=${value}`)
            if (!filtered.refused && !sameSet(filtered.ids, baseline.ids))
              problems.push(
                `where[${field}][exists]=${value} → ${filtered.ids.length} of ${baseline.ids.length} docs`,
              )
          }),
        )
      }
      if (sortable) {
        const [ascending, descending] = await Promise.all([
          list(`sort=${field}`),
          list(`sort=-${field}`),
        ])
        if (
          !(ascending.refused && descending.refused) &&
          JSON.stringify(ascending.ids) !== JSON.stringify(descending.ids)
        ) {
          problems.push(
            `sort=${field} and sort=-${field} order the docs differently (${ascending.response.status}, ${descending.response.status})`,
          )
        }
      }
      const top = field.split('.')[0]
      const selected = await list(`select[${top}]=true`)
      const own = actor === READER && collection === 'members' ? ids.reader : undefined
      const shown = (selected.response.body.docs ?? []).filter(
        (doc) =>
          doc.id !== own && doc[top] !== undefined && doc[top] !== null && !field.includes('.'),
      )
      if (!selected.refused && shown.length > 0)
        problems.push(`select[${top}]=true shows it on ${shown.length} docs`)
      expect(problems).toEqual([])
    },
  )

  const graphQLCases = cases.filter(
    ([, , probe]) => !probe.field.includes('.') && probe.collection !== 'users',
  )
  test.each(graphQLCases)(
    '%s as %s (GraphQL)',
    async (_name, _actor, { collection, field, probe, sortable }, actor) => {
      const token = tokenFor(actor)
      const name = formatNames(collection).plural
      const run = async (args: string) => {
        const query = `{ ${name}(limit: 100, ${args}) { docs { id } } }`
        const response = await client.graphql(query, token)
        scanner.scan(actor, `GraphQL ${query}`, response.text)
        const docs = (response.body.data?.[name] as { docs?: { id: number }[] } | null | undefined)
          ?.docs
        return {
          refused: Boolean(response.body.errors?.length) || !docs,
          ids: (docs ?? []).map((doc) => doc.id),
          text: response.text,
        }
      }
      const baseline = await run('sort: "id"')
      expect(baseline.text).toContain('"docs"')
      const control = canary('nowhere')
      const problems: string[] = []
      await Promise.all(
        ['equals', 'like', 'not_equals'].map(async (operator) => {
          const [withMarker, withControl] = await Promise.all([
            run(`where: { ${field}: { ${operator}: ${JSON.stringify(probe())} } }`),
            run(`where: { ${field}: { ${operator}: ${JSON.stringify(control)} } }`),
          ])
          if (
            withMarker.refused !== withControl.refused ||
            !sameSet(withMarker.ids, withControl.ids)
          ) {
            problems.push(
              `where ${field} ${operator}: ${withMarker.ids.length} docs for the hidden value, ${withControl.ids.length} for a value that exists nowhere`,
            )
          }
        }),
      )
      await Promise.all(
        ['true', 'false'].map(async (value) => {
          const filtered = await run(`where: { ${field}: { exists: ${value} } }`)
          if (!filtered.refused && !sameSet(filtered.ids, baseline.ids))
            problems.push(
              `where ${field} exists ${value} → ${filtered.ids.length} of ${baseline.ids.length} docs`,
            )
        }),
      )
      if (sortable) {
        const [ascending, descending] = await Promise.all([
          run(`sort: "${field}"`),
          run(`sort: "-${field}"`),
        ])
        if (
          !(ascending.refused && descending.refused) &&
          JSON.stringify(ascending.ids) !== JSON.stringify(descending.ids)
        ) {
          problems.push(`sort ${field} and -${field} order the docs differently`)
        }
      }
      expect(problems).toEqual([])
    },
  )

  test('nothing the filters answered leaked a marker', () => {
    const fromProbes = scanner.leaks.filter((leak) => /where|sort|select\[/.test(leak.where))
    expect(
      fromProbes.map(
        (leak) => `${leak.purpose} (${leak.marker}) seen by ${leak.actor} at ${leak.where}`,
      ),
    ).toEqual([])
  })
})
