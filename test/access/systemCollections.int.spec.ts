/**
 * Payload's own collections over real HTTP: document locks, preferences, the jobs queue and its
 * stats global. Members are logged-in users to Payload, and its defaults let any logged-in user in.
 */
import { api, type RunningServer, startServer } from '../helpers/server'
import { type Actors, createActors } from './actors'

let server: RunningServer
let client: ReturnType<typeof api>
let actors: Actors
let blogId: number

const lockOf = (userCollection: 'users' | 'members', userId: number | undefined) => ({
  document: { relationTo: 'blogs', value: blogId },
  user: { relationTo: userCollection, value: userId },
})

beforeAll(async () => {
  server = await startServer('system-collections', { LOGIN_RATE_LIMIT: '50' })
  client = api(server.url)
  actors = await createActors(client, 'system')
  const blog = await client.request('POST', '/api/blogs', {
    token: actors.tokens.editor,
    json: { title: 'A post to lock', _status: 'published' },
  })
  expect(blog.status).toBe(201)
  blogId = blog.body.doc?.id as number
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('payload-locked-documents', () => {
  test('a member cannot lock a document, so an editor can still save it', async () => {
    const lock = await client.request('POST', '/api/payload-locked-documents', {
      token: actors.tokens.member,
      json: lockOf('members', actors.ids.member),
    })
    expect(lock.status).toBe(403)
    const save = await client.request('PATCH', `/api/blogs/${blogId}`, {
      token: actors.tokens.editor,
      json: { excerpt: 'Saved while a member tried to lock it' },
    })
    expect(save.status).toBe(200)
  })

  test.each(['anonymous', 'member', 'optedOutMember'] as const)(
    '%s can neither list nor count locks',
    async (actor) => {
      expect(
        (
          await client.request('GET', '/api/payload-locked-documents', {
            token: actors.tokens[actor],
          })
        ).status,
      ).toBe(403)
      expect(
        (
          await client.request('GET', '/api/payload-locked-documents/count', {
            token: actors.tokens[actor],
          })
        ).status,
      ).toBe(403)
    },
  )

  test('staff lock in their own name only; others cannot delete the lock, admins can', async () => {
    const forged = await client.request('POST', '/api/payload-locked-documents', {
      token: actors.tokens.editor,
      json: lockOf('users', actors.ids.admin),
    })
    expect(forged.status).toBe(403)
    const own = await client.request('POST', '/api/payload-locked-documents', {
      token: actors.tokens.editor,
      json: lockOf('users', actors.ids.editor),
    })
    expect(own.status).toBe(201)
    const lockId = own.body.doc?.id as number

    // Staff see every lock: that is how the admin tells them a page is being edited.
    const seen = await client.request('GET', '/api/payload-locked-documents', {
      token: actors.tokens.moderator,
    })
    expect(seen.status).toBe(200)
    expect(seen.body.docs?.map((doc) => doc.id)).toContain(lockId)

    expect(
      (
        await client.request('DELETE', `/api/payload-locked-documents/${lockId}`, {
          token: actors.tokens.member,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await client.request('DELETE', `/api/payload-locked-documents/${lockId}`, {
          token: actors.tokens.moderator,
        })
      ).status,
    ).toBe(403)
    // Changing someone else's lock without taking it over is refused; taking it over is allowed.
    expect(
      (
        await client.request('PATCH', `/api/payload-locked-documents/${lockId}`, {
          token: actors.tokens.moderator,
          json: { globalSlug: 'x' },
        })
      ).status,
    ).toBe(403)
    const takeOver = await client.request('PATCH', `/api/payload-locked-documents/${lockId}`, {
      token: actors.tokens.moderator,
      json: { user: { relationTo: 'users', value: actors.ids.moderator } },
    })
    expect(takeOver.status).toBe(200)
    expect(
      (
        await client.request('DELETE', `/api/payload-locked-documents/${lockId}`, {
          token: actors.tokens.admin,
        })
      ).status,
    ).toBe(200)
  })
})

describe('payload-jobs', () => {
  test.each([
    ['anonymous', 401],
    ['member', 401],
    ['optedOutMember', 401],
    ['moderator', 401],
    ['editor', 401],
    ['admin', 200],
  ] as const)('GET /api/payload-jobs/run as %s → %i', async (actor, status) => {
    expect(
      (
        await client.request('GET', '/api/payload-jobs/run?limit=1', {
          token: actors.tokens[actor],
        })
      ).status,
    ).toBe(status)
  })

  test.each([
    ['member', 403],
    ['editor', 403],
    ['admin', 200],
  ] as const)('listing the queue as %s → %i', async (actor, status) => {
    expect(
      (await client.request('GET', '/api/payload-jobs', { token: actors.tokens[actor] })).status,
    ).toBe(status)
  })

  test('nobody queues a job through the API, not even an admin', async () => {
    const queued = await client.request('POST', '/api/payload-jobs', {
      token: actors.tokens.admin,
      json: { taskSlug: 'inline', input: {} },
    })
    expect(queued.status).toBe(403)
  })

  test('a member cannot read or rewrite the scheduler stats; an admin reads them', async () => {
    expect(
      (
        await client.request('GET', '/api/globals/payload-jobs-stats', {
          token: actors.tokens.member,
        })
      ).status,
    ).toBe(403)
    const write = await client.request('POST', '/api/globals/payload-jobs-stats', {
      token: actors.tokens.member,
      json: { stats: { scheduledRuns: {} } },
    })
    expect(write.status).toBe(403)
    expect(
      (
        await client.request('POST', '/api/globals/payload-jobs-stats', {
          token: actors.tokens.admin,
          json: { stats: {} },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await client.request('GET', '/api/globals/payload-jobs-stats', {
          token: actors.tokens.admin,
        })
      ).status,
    ).toBe(200)
  })
})

describe('payload-preferences', () => {
  test('members store no preferences, by collection or by key', async () => {
    const byKey = await client.request('POST', '/api/payload-preferences/anything', {
      token: actors.tokens.member,
      json: { value: { big: 'x'.repeat(100) } },
    })
    expect(byKey.status).toBe(403)
    const created = await client.request('POST', '/api/payload-preferences', {
      token: actors.tokens.member,
      json: { key: 'anything', value: {} },
    })
    expect(created.status).toBe(403)
    expect(
      (
        await client.request('GET', '/api/payload-preferences/anything', {
          token: actors.tokens.member,
        })
      ).status,
    ).toBe(403)
  })

  test("staff keep their own preferences and never see a colleague's", async () => {
    const saved = await client.request('POST', '/api/payload-preferences/nav', {
      token: actors.tokens.admin,
      json: { value: { open: true } },
    })
    expect(saved.status).toBe(200)
    const own = await client.request('POST', '/api/payload-preferences/nav', {
      token: actors.tokens.editor,
      json: { value: { open: false } },
    })
    expect(own.status).toBe(200)
    const listed = await client.request('GET', '/api/payload-preferences?limit=100&depth=0', {
      token: actors.tokens.editor,
    })
    expect(listed.status).toBe(200)
    expect(listed.body.docs?.map((doc) => (doc.user as { value: number }).value)).toEqual([
      actors.ids.editor,
    ])
    const read = await client.request('GET', '/api/payload-preferences/nav', {
      token: actors.tokens.editor,
    })
    expect(read.body.value).toEqual({ open: false })
  })
})
