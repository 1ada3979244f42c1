/**
 * The public read cache is never stale, as a table over real HTTP against one server. Each row
 * warms a public read (and shows the second read came from the cache), makes one write as the
 * actor who would make it, then reads again at once, with no sleep and no retry: the new content
 * must be there, and the answer must be byte for byte what a read the cache has never seen gets.
 * Cached entries live for an hour here (READ_CACHE_TTL_SECONDS), so only an invalidation can make
 * a read fresh.
 */
import { createClient } from '@libsql/client'
import pg from 'pg'

import { makeReportPdf } from '@/seed/demoFiles'

import { type Actors, createActors } from '../access/actors'
import { CONTENT_SLUGS, contentData, type ContentSlug, DRAFT_SLUGS } from '../helpers/fixtures'
import { api, type ApiBody, type ApiDoc, type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>
let actors: Actors
const PASSWORD = 'a-long-invalidation-test-password'

/** The seeded admin and the staff and members `createActors` makes. */
const token = (actor: 'admin' | 'editor' | 'moderator' | 'member' | 'optedOutMember') =>
  actors.tokens[actor] as string
/** Members the rows rename, hide, connect and report as; all named `Inval …`, so the directory's `q` finds them. */
const members: Record<string, { id: number; token: string }> = {}
let commentTarget: number

/** A public read: a REST path under the API, or a GraphQL query (POST, or GET with `?query=`). */
type PublicRead = string | { graphql: string; method?: 'GET' | 'POST' }
type Answer = {
  status: number
  text: string
  body: ApiBody
  etag: string | null
  cacheControl: string | null
}

const publicRead = async (read: PublicRead): Promise<Answer> => {
  const response =
    typeof read === 'string'
      ? await fetch(`${server.url}${read}`)
      : read.method === 'GET'
        ? await fetch(`${server.url}/api/graphql?query=${encodeURIComponent(read.graphql)}`)
        : await fetch(`${server.url}/api/graphql`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ query: read.graphql }),
          })
  const text = await response.text()
  let body: ApiBody = {}
  try {
    body = JSON.parse(text) as ApiBody
  } catch {
    // not JSON: the assertions read `text`
  }
  // The content's tag, whichever encoding carried it (a miss is sent as it is, later hits compressed).
  const etag = response.headers.get('etag')?.replace(/-(?:gz|br)"$/, '"') ?? null
  return {
    status: response.status,
    text,
    body,
    etag,
    cacheControl: response.headers.get('cache-control'),
  }
}

type Figures = { hits: number; misses: number; stores: number; invalidations: number }
const figures = async (): Promise<Figures> => {
  const response = await client.request('GET', '/api/read-cache/stats', { token: token('admin') })
  expect(response.status).toBe(200)
  return response.body as unknown as Figures
}

/**
 * Reads twice and shows the second answer came from the cache: one more hit, the same ETag and
 * bytes. The jobs queue works in the background (mailings after a publish): when it invalidates
 * between the two reads, the pair is read again, so the row fails only if the cache never held it.
 */
const warm = async (read: PublicRead): Promise<Answer> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await figures()
    const first = await publicRead(read)
    expect(first.status).toBe(200)
    const second = await publicRead(read)
    const after = await figures()
    if (after.invalidations !== before.invalidations) continue
    expect(after.hits).toBeGreaterThan(before.hits)
    expect(second.etag).toBe(first.etag)
    expect(second.text).toBe(first.text)
    return second
  }
  throw new Error(
    `the cache was invalidated during each of three warm-ups of ${JSON.stringify(read)}`,
  )
}

type ApiResponse = Awaited<ReturnType<ReturnType<typeof api>['request']>>
const expectStatus = async (pending: Promise<ApiResponse>, status: number) => {
  const response = await pending
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`)
  return response
}

const titles = (answer: Answer) => (answer.body.docs ?? []).map((doc) => doc.title)
const graphqlDocs = (answer: Answer, name: string) =>
  ((answer.body.data?.[name] as { docs?: ApiDoc[] } | null)?.docs ?? []).map((doc) => doc.title)

let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter}`

const create = async (
  collection: ContentSlug,
  data: Record<string, unknown> = {},
  published = true,
) => {
  const response = await expectStatus(
    client.request('POST', `/api/${collection}${published ? '' : '?draft=true'}`, {
      token: token('editor'),
      json: { ...contentData(collection, published), ...data },
    }),
    201,
  )
  return response.body.doc as ApiDoc & { title: string }
}
const update = (
  collection: string,
  id: number,
  data: Record<string, unknown>,
  actor: Parameters<typeof token>[0] = 'editor',
) =>
  expectStatus(
    client.request('PATCH', `/api/${collection}/${id}`, { token: token(actor), json: data }),
    200,
  )

const uploadPdf = async (alt: string) => {
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(makeReportPdf(alt))], { type: 'application/pdf' }),
    `${alt.replace(/\W+/g, '-')}.pdf`,
  )
  form.append('_payload', JSON.stringify({ alt }))
  const response = await expectStatus(
    client.request('POST', '/api/media', { token: token('editor'), body: form }),
    201,
  )
  return response.body.doc?.id as number
}
/** A file is public only while published content uses it: this one is a published blog's hero image. */
const publicMedia = async (alt: string) => {
  const media = await uploadPdf(alt)
  const blog = await create('blogs', { heroImage: media })
  return { media, blog: blog.id }
}

const guestComment = async (body: string) => {
  const response = await expectStatus(
    client.request('POST', '/api/comments', {
      json: {
        target: { relationTo: 'blogs', value: commentTarget },
        body,
        authorName: 'Gwen Guest',
        authorEmail: `guest-${++counter}@example.org`,
        policyAccepted: true,
      },
    }),
    201,
  )
  expect(response.body.doc?.status).toBe('pending')
  return response.body.doc?.id as number
}
const decide = (id: number, status: 'approved' | 'rejected') =>
  update(
    'comments',
    id,
    { status, reason: `Marked ${status} by the invalidation table` },
    'moderator',
  )
const approvedComment = async (body: string) => {
  const id = await guestComment(body)
  await decide(id, 'approved')
  return id
}

const createMember = async (name: string, extra: Record<string, unknown> = {}) => {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@members.example.org`
  const created = await expectStatus(
    client.request('POST', '/api/members', {
      token: token('admin'),
      json: {
        name,
        email,
        password: PASSWORD,
        profession: 'nurse',
        region: 'wales',
        bio: `${name} bio, for members only`,
        ...extra,
      },
    }),
    201,
  )
  const member = {
    id: created.body.doc?.id as number,
    token: await client.login('members', email, PASSWORD),
  }
  // Network analysis is opt-in, by the member alone: these members count in the network figures.
  await expectStatus(
    client.request('PATCH', `/api/members/${member.id}`, {
      token: member.token,
      json: { networkAnalysis: true },
    }),
    200,
  )
  return member
}

const networkStats = (answer: Answer) =>
  answer.body as unknown as { members: number; connections: number }
const importCsv = async (membersCsv: string, connectionsCsv: string) => {
  const form = new FormData()
  form.append('members', new Blob([membersCsv], { type: 'text/csv' }), 'members.csv')
  form.append('connections', new Blob([connectionsCsv], { type: 'text/csv' }), 'connections.csv')
  const response = await expectStatus(
    client.request('POST', '/api/network/import', { token: token('admin'), body: form }),
    201,
  )
  expect(response.body).toMatchObject({ imported: true })
}
const MEMBERS_CSV_HEADER =
  'name,email,profession,organisation,region,interests,joinedAt,directoryVisible,networkAnalysis'

/**
 * Queues a scheduled publish as the admin's "Schedule Publish" does (`payload.jobs.queue` of
 * Payload's `schedulePublish` task, due now). Nobody may queue a job over the API, and this
 * process runs no Payload, so the job row is written into the server's database directly; a job
 * row is not public, so this write invalidates nothing by itself.
 */
const queueScheduledPublish = async (collection: string, id: number) => {
  const input = JSON.stringify({
    type: 'publish',
    doc: { relationTo: collection, value: String(id) },
  })
  const due = new Date(Date.now() - 1000).toISOString()
  if (server.databaseURL.startsWith('file:')) {
    const db = createClient({ url: server.databaseURL })
    try {
      await db.execute({
        sql: `INSERT INTO payload_jobs (input, task_slug, queue, wait_until) VALUES (?, 'schedulePublish', 'default', ?)`,
        args: [input, due],
      })
    } finally {
      db.close()
    }
    return
  }
  const db = new pg.Client({ connectionString: server.databaseURL })
  await db.connect()
  try {
    await db.query(
      `INSERT INTO payload_jobs (input, task_slug, queue, wait_until) VALUES ($1::jsonb, 'schedulePublish', 'default', $2)`,
      [input, due],
    )
  } finally {
    await db.end()
  }
}

beforeAll(async () => {
  server = await startServer('inval', {
    READ_CACHE_TTL_SECONDS: '3600',
    LOGIN_RATE_LIMIT: '100',
    COMMENT_RATE_LIMIT: '200',
  })
  client = api(server.url)
  actors = await createActors(client, 'inval')
  // Comments are held for a moderator (first comment of each guest), never throttled, hidden at two reports.
  await expectStatus(
    client.request('POST', '/api/globals/comment-policy', {
      token: token('admin'),
      json: { floodIntervalSeconds: 0, reportsToHide: 2, blockedTerms: ['secret-blocked-term'] },
    }),
    200,
  )
  for (const name of ['Rhian', 'Owain', 'Ceri', 'Dylan', 'Elin'])
    members[name] = await createMember(`Inval ${name}`)
  commentTarget = (await create('blogs', { title: 'A post the comment rows talk about' })).id
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

type Row = {
  name: string
  /** Makes what the row writes to, before the public read is warmed. */
  prepare?: () => Promise<void>
  read: () => PublicRead
  /** What the warm (cached) public read shows. */
  before: (answer: Answer) => void
  write: () => Promise<unknown>
  /** What the public read right after the write must show. */
  after: (answer: Answer) => void
  /** The write is made in the background (the jobs queue): read until this many ms have passed. */
  pollMs?: number
}

/**
 * The same read under a key the cache has never seen (an unused query parameter, a GraphQL
 * comment): what the database holds now. The fresh read must be byte for byte the same.
 */
const uncachedVariant = (read: PublicRead): PublicRead =>
  typeof read === 'string'
    ? `${read}${read.includes('?') ? '&' : '?'}uncached=${++counter}`
    : { ...read, graphql: `${read.graphql}\n# uncached ${++counter}` }

const listOf = (collection: string) => `/api/${collection}?sort=-createdAt&limit=5&depth=0`

/** create, update and delete for every content collection. */
const contentRows = CONTENT_SLUGS.flatMap((collection): Row[] => {
  const created = unique(`New ${collection}`)
  let updated: { id: number; title: string }
  let deleted: number
  return [
    {
      name: `${collection}: an editor creates a document → it is in the public list`,
      read: () => listOf(collection),
      before: (answer) => expect(titles(answer)).not.toContain(created),
      write: () => create(collection, { title: created }),
      after: (answer) => expect(titles(answer)).toContain(created),
    },
    {
      name: `${collection}: an editor updates a document → its public read shows the change`,
      prepare: async () => {
        updated = await create(collection)
      },
      read: () => `/api/${collection}/${updated.id}`,
      before: (answer) => expect(answer.body.title).toBe(updated.title),
      write: () => update(collection, updated.id, { title: `${updated.title} (revised)` }),
      after: (answer) => expect(answer.body.title).toBe(`${updated.title} (revised)`),
    },
    {
      name: `${collection}: an admin deletes a document → its public read is 404`,
      prepare: async () => {
        deleted = (await create(collection)).id
      },
      read: () => `/api/${collection}/${deleted}`,
      before: (answer) => expect(answer.body.id).toBe(deleted),
      write: () =>
        expectStatus(
          client.request('DELETE', `/api/${collection}/${deleted}`, { token: token('admin') }),
          200,
        ),
      after: (answer) => expect(answer.status).toBe(404),
    },
  ]
})

/** publish and unpublish for every collection with drafts. */
const draftRows = DRAFT_SLUGS.flatMap((collection): Row[] => {
  let draft: { id: number; title: string }
  let published: { id: number; title: string }
  return [
    {
      name: `${collection}: a draft is invisible; publishing it puts it in the public list`,
      prepare: async () => {
        draft = await create(collection, {}, false)
      },
      read: () => listOf(collection),
      before: (answer) => expect(titles(answer)).not.toContain(draft.title),
      write: () => update(collection, draft.id, { _status: 'published' }),
      after: (answer) => expect(titles(answer)).toContain(draft.title),
    },
    {
      name: `${collection}: unpublishing takes it out of the public list`,
      prepare: async () => {
        published = await create(collection)
      },
      read: () => listOf(collection),
      before: (answer) => expect(titles(answer)).toContain(published.title),
      write: () => update(collection, published.id, { _status: 'draft' }),
      after: (answer) => expect(titles(answer)).not.toContain(published.title),
    },
  ]
})

let restored: { id: number; title: string; versionId: string }
let scheduled: { id: number; title: string }
let media: { media: number; blog: number }
let deletedMedia: { media: number; blog: number }
let newMediaAlt: string
let byMember: number
let stats: { members: number; connections: number }
let pendingComment: number
let approved: number
let reported: number
let decisionsBefore: number
let connection: number
let memberToDelete: number
const graphqlTitle = unique('Seen by GraphQL')

const rows: Row[] = [
  ...contentRows,
  ...draftRows,
  {
    name: 'blogs: an editor restores an earlier version → the public read shows it again',
    prepare: async () => {
      const first = await create('blogs')
      await update('blogs', first.id, { title: `${first.title} (second version)` })
      const versions = await expectStatus(
        client.request(
          'GET',
          `/api/blogs/versions?where[parent][equals]=${first.id}&sort=createdAt&depth=0`,
          { token: token('editor') },
        ),
        200,
      )
      const original = versions.body.docs?.find(
        (doc) => (doc.version as { title?: string }).title === first.title,
      )
      restored = { id: first.id, title: first.title, versionId: String(original?.id) }
    },
    read: () => `/api/blogs/${restored.id}`,
    before: (answer) => expect(answer.body.title).toBe(`${restored.title} (second version)`),
    write: () =>
      expectStatus(
        client.request('POST', `/api/blogs/versions/${restored.versionId}`, {
          token: token('editor'),
        }),
        200,
      ),
    after: (answer) => expect(answer.body.title).toBe(restored.title),
  },
  {
    name: 'blogs: a scheduled publish fired by the jobs queue puts the draft in the public list',
    prepare: async () => {
      scheduled = await create('blogs', {}, false)
    },
    read: () => listOf('blogs'),
    before: (answer) => expect(titles(answer)).not.toContain(scheduled.title),
    write: async () => {
      await queueScheduledPublish('blogs', scheduled.id)
      // Work the queue now rather than at the next minute's cron (which may take the job first).
      await expectStatus(
        client.request('GET', '/api/payload-jobs/run?queue=default&limit=10', {
          token: token('admin'),
        }),
        200,
      )
    },
    after: (answer) => expect(titles(answer)).toContain(scheduled.title),
    pollMs: 20_000,
  },
  {
    name: 'comment-policy (global): a moderator edits it → the public read shows the change',
    read: () => '/api/globals/comment-policy',
    before: (answer) =>
      expect(answer.body.summary).not.toBe('Policy rewritten by the invalidation table'),
    write: () =>
      expectStatus(
        client.request('POST', '/api/globals/comment-policy', {
          token: token('moderator'),
          json: { summary: 'Policy rewritten by the invalidation table' },
        }),
        200,
      ),
    after: (answer) =>
      expect(answer.body.summary).toBe('Policy rewritten by the invalidation table'),
  },
  {
    name: 'comment-policy (global) over GraphQL GET: a moderator edits it → the query sees it',
    read: () => ({ graphql: '{ CommentPolicy { summary } }', method: 'GET' }),
    before: (answer) =>
      expect(answer.body.data?.CommentPolicy).toMatchObject({
        summary: 'Policy rewritten by the invalidation table',
      }),
    write: () =>
      expectStatus(
        client.request('POST', '/api/globals/comment-policy', {
          token: token('moderator'),
          json: { summary: 'Policy rewritten twice' },
        }),
        200,
      ),
    after: (answer) =>
      expect(answer.body.data?.CommentPolicy).toMatchObject({ summary: 'Policy rewritten twice' }),
  },
  {
    name: 'GraphQL (POST): a cached list query sees an editor’s update',
    prepare: async () => {
      await create('blogs', { title: `${graphqlTitle} (before)` })
    },
    read: () => ({ graphql: '{ Blogs(limit: 5, sort: "-createdAt") { docs { id title } } }' }),
    before: (answer) => expect(graphqlDocs(answer, 'Blogs')).toContain(`${graphqlTitle} (before)`),
    write: async () => {
      const [newest] = (await publicRead(listOf('blogs'))).body.docs ?? []
      await update('blogs', newest.id, { title: graphqlTitle })
    },
    after: (answer) => expect(graphqlDocs(answer, 'Blogs')).toContain(graphqlTitle),
  },
  {
    name: 'media: an editor changes a file’s alt → a blog’s populated heroImage (depth=1) shows it',
    prepare: async () => {
      media = await publicMedia(unique('Hero alt'))
    },
    read: () => `/api/blogs/${media.blog}?depth=1`,
    before: (answer) => expect((answer.body.heroImage as { alt: string }).alt).toMatch(/^Hero alt/),
    write: () => update('media', media.media, { alt: 'A run chart on a ward wall' }),
    after: (answer) =>
      expect((answer.body.heroImage as { alt: string }).alt).toBe('A run chart on a ward wall'),
  },
  {
    name: 'media: the same change in the file’s own public read',
    read: () => `/api/media/${media.media}`,
    before: (answer) => expect(answer.body.alt).toBe('A run chart on a ward wall'),
    write: () => update('media', media.media, { alt: 'A run chart, updated' }),
    after: (answer) => expect(answer.body.alt).toBe('A run chart, updated'),
  },
  {
    name: 'media: a new file used by a published blog → it is in the public media list',
    read: () => listOf('media'),
    before: (answer) => expect(answer.body.docs?.map((doc) => doc.alt)).not.toContain(newMediaAlt),
    write: async () => {
      newMediaAlt = unique('Brand new file')
      await publicMedia(newMediaAlt)
    },
    after: (answer) => expect(answer.body.docs?.map((doc) => doc.alt)).toContain(newMediaAlt),
  },
  {
    name: 'media: an editor deletes a file → the blog loses its populated heroImage',
    prepare: async () => {
      deletedMedia = await publicMedia(unique('Doomed file'))
    },
    read: () => `/api/blogs/${deletedMedia.blog}?depth=1`,
    before: (answer) => expect(answer.body.heroImage).toMatchObject({ id: deletedMedia.media }),
    write: () =>
      expectStatus(
        client.request('DELETE', `/api/media/${deletedMedia.media}`, { token: token('editor') }),
        200,
      ),
    after: (answer) => expect(answer.body.heroImage ?? null).toBeNull(),
  },
  {
    name: 'members: a member renames themself → a blog’s authorName shows the new name',
    prepare: async () => {
      byMember = (
        await create('blogs', { author: { relationTo: 'members', value: members.Rhian.id } })
      ).id
    },
    read: () => `/api/blogs/${byMember}`,
    before: (answer) => expect(answer.body.authorName).toBe('Inval Rhian'),
    write: () =>
      expectStatus(
        client.request('PATCH', `/api/members/${members.Rhian.id}`, {
          token: members.Rhian.token,
          json: { name: 'Inval Rhian Jones' },
        }),
        200,
      ),
    after: (answer) => expect(answer.body.authorName).toBe('Inval Rhian Jones'),
  },
  {
    name: 'members: the same kind of rename in the directory',
    read: () => '/api/members/directory?q=Inval',
    before: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).toContain('Inval Rhian Jones'),
    write: () =>
      expectStatus(
        client.request('PATCH', `/api/members/${members.Rhian.id}`, {
          token: members.Rhian.token,
          json: { name: 'Inval Rhian Jones-Price' },
        }),
        200,
      ),
    after: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).toEqual(
        expect.arrayContaining(['Inval Rhian Jones-Price']),
      ),
  },
  {
    name: 'members: opting out of the directory removes the member from it',
    read: () => '/api/members/directory?q=Inval',
    before: (answer) => expect(answer.body.docs?.map((doc) => doc.name)).toContain('Inval Owain'),
    write: () =>
      expectStatus(
        client.request('PATCH', `/api/members/${members.Owain.id}`, {
          token: members.Owain.token,
          json: { directoryVisible: false },
        }),
        200,
      ),
    after: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).not.toContain('Inval Owain'),
  },
  {
    name: 'members: an admin adds a member → the public members list shows them',
    read: () => listOf('members'),
    before: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).not.toContain('Inval Newcomer'),
    write: () => createMember('Inval Newcomer'),
    after: (answer) => expect(answer.body.docs?.map((doc) => doc.name)).toContain('Inval Newcomer'),
  },
  {
    name: 'members: an admin deletes a member → their public read is 404',
    prepare: async () => {
      memberToDelete = (await createMember('Inval Leaver')).id
    },
    read: () => `/api/members/${memberToDelete}`,
    before: (answer) => expect(answer.body.name).toBe('Inval Leaver'),
    write: () =>
      expectStatus(
        client.request('DELETE', `/api/members/${memberToDelete}`, { token: token('admin') }),
        200,
      ),
    after: (answer) => expect(answer.status).toBe(404),
  },
  {
    name: 'comments: a moderator approves a comment → it appears in the public thread',
    prepare: async () => {
      pendingComment = await guestComment('A comment waiting for approval')
    },
    read: () => `/api/comments/thread?collection=blogs&id=${commentTarget}`,
    before: (answer) => expect(answer.text).not.toContain('A comment waiting for approval'),
    write: () => decide(pendingComment, 'approved'),
    after: (answer) => expect(answer.text).toContain('A comment waiting for approval'),
  },
  {
    name: 'comments: a moderator rejects an approved comment → it leaves the public thread',
    prepare: async () => {
      approved = await approvedComment('A comment a moderator later rejects')
    },
    read: () => `/api/comments/thread?collection=blogs&id=${commentTarget}`,
    before: (answer) => expect(answer.text).toContain('A comment a moderator later rejects'),
    write: () => decide(approved, 'rejected'),
    after: (answer) => expect(answer.text).not.toContain('A comment a moderator later rejects'),
  },
  {
    name: 'comments: two members report a comment → it is hidden from the public thread',
    prepare: async () => {
      reported = await approvedComment('A comment two members report')
    },
    read: () => `/api/comments/thread?collection=blogs&id=${commentTarget}`,
    before: (answer) => expect(answer.text).toContain('A comment two members report'),
    write: async () => {
      for (const reporter of [members.Ceri.token, members.Dylan.token]) {
        await expectStatus(
          client.request('POST', `/api/comments/${reported}/report`, {
            token: reporter,
            json: { reason: 'Off topic' },
          }),
          201,
        )
      }
    },
    after: (answer) => expect(answer.text).not.toContain('A comment two members report'),
  },
  {
    name: 'comments (REST list): a moderator approves a comment → it is in the public list',
    prepare: async () => {
      pendingComment = await guestComment('A comment approved for the REST list')
    },
    read: () => listOf('comments'),
    before: (answer) => expect(answer.text).not.toContain('A comment approved for the REST list'),
    write: () => decide(pendingComment, 'approved'),
    after: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.body)).toContain(
        'A comment approved for the REST list',
      ),
  },
  {
    name: 'comments: one report, below the threshold → the public comment read is what the database holds',
    prepare: async () => {
      approved = await approvedComment('A comment one member reports')
    },
    read: () => `/api/comments/${approved}`,
    before: (answer) => expect(answer.body.body).toBe('A comment one member reports'),
    write: () =>
      expectStatus(
        client.request('POST', `/api/comments/${approved}/report`, {
          token: members.Elin.token,
          json: { reason: 'Not sure about this' },
        }),
        201,
      ),
    // Still public (one report of two); what a reader may see of it is whatever an uncached read gives.
    after: (answer) => expect(answer.body.body).toBe('A comment one member reports'),
  },
  {
    name: 'comments: a moderator’s decision counts in the public moderation stats at once',
    prepare: async () => {
      pendingComment = await guestComment('A comment counted in the stats')
    },
    read: () => '/api/comments/stats',
    before: (answer) => {
      decisionsBefore = answer.body.total as number
    },
    write: () => decide(pendingComment, 'approved'),
    after: (answer) => expect(answer.body.total).toBe(decisionsBefore + 1),
  },
  {
    name: 'members: a member logs in (a new session, auth bookkeeping) → the public member read is what the database holds',
    read: () => `/api/members/${members.Elin.id}`,
    before: (answer) => expect(answer.body.name).toBe('Inval Elin'),
    write: () => client.login('members', 'inval.elin@members.example.org', PASSWORD),
    after: (answer) => expect(answer.body.name).toBe('Inval Elin'),
  },
  {
    name: 'members: a failed login (login attempts, auth bookkeeping) → the public member read is what the database holds',
    read: () => `/api/members/${members.Elin.id}`,
    before: (answer) => expect(answer.body.name).toBe('Inval Elin'),
    write: () =>
      expectStatus(
        client.request('POST', '/api/members/login', {
          json: { email: 'inval.elin@members.example.org', password: 'not her password' },
        }),
        401,
      ),
    after: (answer) => expect(answer.body.name).toBe('Inval Elin'),
  },
  {
    name: 'network: a member accepts a connection → the public network stats count it',
    prepare: async () => {
      const requested = await expectStatus(
        client.request('POST', '/api/connections', {
          token: members.Ceri.token,
          json: { to: members.Dylan.id },
        }),
        201,
      )
      connection = requested.body.doc?.id as number
    },
    read: () => '/api/network/stats',
    before: (answer) => {
      stats = networkStats(answer)
    },
    write: () =>
      expectStatus(
        client.request('PATCH', `/api/connections/${connection}`, {
          token: members.Dylan.token,
          json: { status: 'accepted' },
        }),
        200,
      ),
    after: (answer) =>
      expect(networkStats(answer)).toMatchObject({
        members: stats.members,
        connections: stats.connections + 1,
      }),
  },
  {
    name: 'network: the CSV import → the public network stats count the new members and connection',
    read: () => '/api/network/stats',
    before: (answer) => {
      stats = networkStats(answer)
    },
    write: () =>
      importCsv(
        `${MEMBERS_CSV_HEADER}\nInval Imported Ann,ann@import.example.org,nurse,,wales,,2020-01-01,true,true\nInval Imported Bob,bob@import.example.org,doctor,,wales,,2020-01-02,true,true\n`,
        'fromEmail,toEmail,acceptedAt\nann@import.example.org,bob@import.example.org,2020-02-01\n',
      ),
    after: (answer) =>
      expect(networkStats(answer)).toMatchObject({
        members: stats.members + 2,
        connections: stats.connections + 1,
      }),
  },
  {
    name: 'network: the CSV import → the public directory lists the imported members',
    read: () => '/api/members/directory?q=Inval%20Imported',
    before: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).not.toContain('Inval Imported Cai'),
    write: () =>
      importCsv(
        `${MEMBERS_CSV_HEADER}\nInval Imported Cai,cai@import.example.org,nurse,,wales,,2020-03-01,true,true\n`,
        'fromEmail,toEmail,acceptedAt\n',
      ),
    after: (answer) =>
      expect(answer.body.docs?.map((doc) => doc.name)).toContain('Inval Imported Cai'),
  },
]

describe('every write that changes a public read invalidates it before the writer gets its 2xx', () => {
  test.each(rows)('$name', async (row) => {
    await row.prepare?.()
    const read = row.read()
    row.before(await warm(read))
    await row.write()
    if (!row.pollMs) {
      const fresh = await publicRead(read)
      row.after(fresh)
      expect(fresh.text).toBe((await publicRead(uncachedVariant(read))).text)
      return
    }
    // The write happens in the background: entries live for an hour, so seeing it at all proves the invalidation.
    const deadline = Date.now() + row.pollMs
    for (;;) {
      const answer = await publicRead(read)
      try {
        row.after(answer)
        return
      } catch (error) {
        if (Date.now() > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
  })
})

describe('responses for logged-in readers are never cached nor served from the cache', () => {
  /** Warms the anonymous copy, reads as `as`, and checks the cache neither answered nor kept that read. */
  const readAsLoggedIn = async (path: string, headers: Record<string, string>) => {
    const anonymous = await warm(path)
    const before = await figures()
    const response = await fetch(`${server.url}${path}`, { headers })
    const text = await response.text()
    const after = await figures()
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect({ hits: after.hits, misses: after.misses, stores: after.stores }).toEqual({
      hits: before.hits,
      misses: before.misses,
      stores: before.stores,
    })
    // The anonymous copy is still the anonymous one.
    const again = await publicRead(path)
    expect(again.text).toBe(anonymous.text)
    expect(again.cacheControl).toMatch(/^public/)
    return { anonymous: anonymous.text, loggedIn: text }
  }

  test('a member reading the directory (JWT) gets bios; the cached anonymous copy never has them', async () => {
    const { anonymous, loggedIn } = await readAsLoggedIn('/api/members/directory?q=Inval%20Elin', {
      Authorization: `JWT ${members.Elin.token}`,
    })
    expect(loggedIn).toContain('Inval Elin bio, for members only')
    expect(anonymous).toContain('Inval Elin')
    expect(anonymous).not.toContain('bio')
  })

  test('a member reading an event (auth cookie) gets the members-only joining link; the anonymous copy never has it', async () => {
    const event = await create('events', {
      onlineUrl: 'https://meet.example.org/members-only-room',
    })
    const { anonymous, loggedIn } = await readAsLoggedIn(`/api/events/${event.id}`, {
      Cookie: `payload-token=${members.Elin.token}`,
      Origin: server.url,
    })
    expect(loggedIn).toContain('members-only-room')
    expect(anonymous).not.toContain('members-only-room')
  })

  test('a moderator reading the comment policy gets the blocked terms; the anonymous copy never has them', async () => {
    const { anonymous, loggedIn } = await readAsLoggedIn('/api/globals/comment-policy', {
      Authorization: `JWT ${token('moderator')}`,
    })
    expect(loggedIn).toContain('secret-blocked-term')
    expect(anonymous).not.toContain('secret-blocked-term')
  })

  test('an editor’s GraphQL query sees drafts, and is neither answered nor kept by the cache', async () => {
    const draft = await create('blogs', { title: unique('Draft for staff eyes') }, false)
    const query = JSON.stringify({
      query: `{ Blogs(draft: true, where: { id: { equals: ${draft.id} } }) { docs { id title } } }`,
    })
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: query,
      })
    const anonymous = await post({})
    expect(await anonymous.text()).not.toContain(draft.title)
    const before = await figures()
    const staff = await post({ Authorization: `JWT ${token('editor')}` })
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
    expect(await staff.text()).toContain(draft.title)
    const after = await figures()
    expect({ hits: after.hits, stores: after.stores }).toEqual({
      hits: before.hits,
      stores: before.stores,
    })
    expect(await (await post({})).text()).not.toContain(draft.title)
  })
})
