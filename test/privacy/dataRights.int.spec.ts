/**
 * Members' data rights over HTTP, against one server and a real SMTP server: the subject access
 * export (member and staff), erasure by the member's emailed link (the GET page erases nothing,
 * the POST erases once), erasure by an admin with a reason; then every cell of the database is
 * searched for the erased members' canary name, address and texts, and every foreign key to
 * `members` for their ids.
 */
import { jest } from '@jest/globals'

import { canary } from '../helpers/canary'
import { readAllCells, readReferencingColumns } from '../helpers/readAllCells'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { startSmtpServer } from '../helpers/smtpServer'

jest.setTimeout(180_000)

const PASSWORD = 'data-rights-password-1'
const FORMER_MEMBER = 'Former member'
const REMOVED_BODY = '[removed at the request of its author]'

type Client = ReturnType<typeof api>
type Response = Awaited<ReturnType<Client['request']>>

const idOf = (response: Response) => {
  if (response.status >= 300) throw new Error(`${response.status}: ${response.text}`)
  return (response.body.doc?.id ?? response.body.id) as number
}
const fieldOf = (response: Response) =>
  (response.body as { errors?: Array<{ field?: string }> }).errors?.[0]?.field

const person = (key: string) => ({
  name: `Person ${canary(`${key}-name`)}`,
  email: `${canary(key)}@example.org`,
  bio: canary(`${key}-bio`),
  organisation: canary(`${key}-org`),
  comment: `A comment ${canary(`${key}-comment`)}`,
})

let server: RunningServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let client: Client
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const erin = person('erin')
const erinAppeal = `My appeal ${canary('erin-appeal')}`
const olivia = person('olivia')
const bob = person('bob')

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer('data-rights', {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'community@q.example.org',
    COMMENT_RATE_LIMIT: '500',
    SUBSCRIPTIONS_QUEUE_CRON: '* * * * * *',
  })
  client = api(server.url)
  tokens.admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  ids.moderator = idOf(
    await client.request('POST', '/api/users', {
      token: tokens.admin,
      json: {
        name: 'Rights moderator',
        email: `${canary('mod')}@example.org`,
        password: PASSWORD,
        roles: ['moderator'],
      },
    }),
  )
  const moderatorEmail = (
    await client.request('GET', `/api/users/${ids.moderator}`, { token: tokens.admin })
  ).body.email as string
  tokens.moderator = await client.login('users', moderatorEmail, PASSWORD)

  for (const [key, who, extra] of [
    ['erin', erin, {}],
    ['bob', bob, {}],
    ['olivia', olivia, { directoryVisible: false }],
  ] as const) {
    ids[key] = idOf(
      await client.request('POST', '/api/members', {
        token: tokens.admin,
        json: {
          name: who.name,
          email: who.email,
          bio: who.bio,
          organisation: who.organisation,
          profession: 'nurse',
          region: 'wales',
          password: PASSWORD,
          ...extra,
        },
      }),
    )
    tokens[key] = await client.login('members', who.email, PASSWORD)
  }

  // Erin: a post she wrote, two comments (one moderated), a report, connections both ways, a subscription.
  ids.blog = idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: {
        title: 'Rights blog',
        _status: 'published',
        author: { relationTo: 'members', value: ids.erin },
      },
    }),
  )
  await client.request('POST', '/api/globals/comment-policy', {
    token: tokens.admin,
    json: { floodIntervalSeconds: 0, holdFirstComment: false },
  })
  const comment = async (token: string, body: string) =>
    idOf(
      await client.request('POST', '/api/comments', {
        token,
        json: { target: { relationTo: 'blogs', value: ids.blog }, body, policyAccepted: true },
      }),
    )
  // Before she had an account, she commented as a guest with her address.
  ids.erinGuestComment = idOf(
    await client.request('POST', '/api/comments', {
      json: {
        target: { relationTo: 'blogs', value: ids.blog },
        body: 'A guest comment',
        authorName: 'Erin as a guest',
        authorEmail: erin.email,
        policyAccepted: true,
      },
    }),
  )
  ids.erinComment = await comment(tokens.erin, erin.comment)
  ids.erinSecondComment = await comment(tokens.erin, `Second ${erin.comment}`)
  expect(
    (
      await client.request('PATCH', `/api/comments/${ids.erinSecondComment}`, {
        token: tokens.moderator,
        json: { status: 'rejected', reason: 'Off topic' },
      })
    ).status,
  ).toBe(200)
  expect(
    (
      await client.request('POST', `/api/comments/${ids.erinSecondComment}/appeal`, {
        token: tokens.erin,
        json: { reason: erinAppeal },
      })
    ).status,
  ).toBe(201)
  ids.bobComment = await comment(tokens.bob, bob.comment)
  expect(
    (
      await client.request('POST', `/api/comments/${ids.bobComment}/report`, {
        token: tokens.erin,
        json: { reason: 'Seems unkind' },
      })
    ).status,
  ).toBe(201)
  ids.oliviaComment = await comment(tokens.olivia, olivia.comment)
  idOf(
    await client.request('POST', '/api/connections', { token: tokens.erin, json: { to: ids.bob } }),
  )
  idOf(
    await client.request('POST', '/api/connections', {
      token: tokens.olivia,
      json: { to: ids.erin },
    }),
  )
  expect(
    (
      await client.request('POST', '/api/subscribers/me', {
        token: tokens.erin,
        json: { topics: ['blogs'], frequency: 'instant' },
      })
    ).status,
  ).toBeLessThan(300)
  // A publication, so that her subscription has a delivery record.
  const announced = `Rights announcement ${canary('post')}`
  idOf(
    await client.request('POST', '/api/blogs', {
      token: tokens.admin,
      json: { title: announced, excerpt: 'For subscribers', _status: 'published' },
    }),
  )
  await smtp.waitFor(
    (message) => message.to.includes(erin.email) && message.subject.includes(announced),
    30_000,
  )
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('subject access export', () => {
  it('streams everything held about the member, and no secret or other member’s data', async () => {
    const response = await client.request('GET', '/api/members/me/export', { token: tokens.erin })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="member-data-${ids.erin}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    )
    // Streamed: written as it is read, so its length is not known up front.
    expect(response.headers.get('content-length')).toBeNull()
    const data = response.body as unknown as Record<string, unknown> & {
      summary: string[]
      profile: Record<string, unknown>
      login: { sessions: Record<string, unknown>[] }
      comments: Array<{
        id: number
        decisions: Array<{ to: string }>
        appeal?: { reason?: string; status?: string }
      }>
      reportsMade: Array<{ comment: number; reason: string }>
      connections: Array<{ direction: string; otherMember: string | null }>
      subscription: { id: number; topics: string[] } | null
      deliveries: Array<{ mailing: string; status: string }>
    }
    for (const key of ['deliveries', 'consentRecords', 'erasureRequests', 'interviews'])
      expect(Array.isArray(data[key])).toBe(true)
    // The post she wrote is named, with whether it is public.
    expect(data.postsAuthored).toEqual([
      expect.objectContaining({ id: ids.blog, _status: expect.any(String) }),
    ])
    expect(data.summary.join(' ')).toContain('comments')
    expect(data.profile).toMatchObject({
      id: ids.erin,
      email: erin.email,
      name: erin.name,
      bio: erin.bio,
      directoryVisible: true,
      networkAnalysis: false,
      contactable: true,
    })
    expect(data.profile.joinedAt).toBeTruthy()
    expect('pendingEmail' in data.profile).toBe(true)
    expect(data.login.sessions.length).toBeGreaterThan(0)
    expect(Object.keys(data.login.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt'])
    expect(data.comments.map((c) => c.id).sort()).toEqual(
      [ids.erinComment, ids.erinSecondComment].sort(),
    )
    const rejected = data.comments.find((c) => c.id === ids.erinSecondComment)
    expect(rejected?.decisions.map((d) => d.to)).toContain('rejected')
    expect(rejected?.appeal).toMatchObject({ reason: erinAppeal, status: 'pending' })
    expect(data.reportsMade).toEqual([
      expect.objectContaining({ comment: ids.bobComment, reason: 'Seems unkind' }),
    ])
    expect(data.connections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'sent', otherMember: bob.name }),
        // Olivia left the directory: Erin cannot see her, so she is not named.
        expect.objectContaining({ direction: 'received', otherMember: null }),
      ]),
    )
    expect(data.subscription?.topics).toEqual(['blogs'])
    expect(data.deliveries.length).toBeGreaterThan(0)
    ids.erinSubscriber = data.subscription?.id ?? 0
    for (const secret of [
      '"hash"',
      '"salt"',
      'TokenHash',
      'tokenHash',
      'manageKey',
      olivia.email,
      olivia.name,
      bob.email,
    ])
      expect(response.text).not.toContain(secret)
  })

  it('refuses visitors, members and staff other than admins; admins may export any member', async () => {
    expect((await client.request('GET', '/api/members/me/export')).status).toBe(401)
    expect(
      (await client.request('GET', '/api/members/me/export', { token: tokens.admin })).status,
    ).toBe(401)
    expect((await client.request('GET', `/api/members/${ids.erin}/export`)).status).toBe(401)
    expect(
      (await client.request('GET', `/api/members/${ids.erin}/export`, { token: tokens.bob }))
        .status,
    ).toBe(403)
    // Moderators may not read subscriptions or deliveries: nor through the export.
    expect(
      (await client.request('GET', `/api/members/${ids.erin}/export`, { token: tokens.moderator }))
        .status,
    ).toBe(403)
    const staff = await client.request('GET', `/api/members/${ids.erin}/export`, {
      token: tokens.admin,
    })
    expect(staff.status).toBe(200)
    expect((staff.body as unknown as { profile: { email: string } }).profile.email).toBe(erin.email)
    expect(
      (await client.request('GET', '/api/members/999999/export', { token: tokens.admin })).status,
    ).toBe(404)
  })
})

const cellsHolding = async (needles: string[]) =>
  (await readAllCells(server.databaseURL)).filter(
    ({ value }) =>
      value !== null &&
      value !== undefined &&
      needles.some((needle) =>
        (typeof value === 'string' ? value : JSON.stringify(value))
          .toLowerCase()
          .includes(needle.toLowerCase()),
      ),
  )

const referencesTo = async (memberId: number) => {
  const columns = await readReferencingColumns(server.databaseURL, 'members')
  expect(columns.length).toBeGreaterThan(5)
  const cells = await readAllCells(server.databaseURL)
  return cells.filter(
    ({ table, column, value }) =>
      columns.some((ref) => ref.table === table && ref.column === column) &&
      Number(value) === memberId,
  )
}

describe('erasure by the member', () => {
  let token = ''

  it('asks by email; the link’s page erases nothing', async () => {
    expect((await client.request('POST', '/api/members/me/erase')).status).toBe(401)
    const asked = await client.request('POST', '/api/members/me/erase', { token: tokens.erin })
    expect(asked.status).toBe(202)
    expect(asked.body.message).toEqual(expect.any(String))
    const email = await smtp.waitFor(
      (message) => message.to.includes(erin.email) && /erase/i.test(message.subject),
    )
    token = /erase\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(email.text)?.[1] ?? ''
    expect(token).not.toBe('')
    const page = await client.request('GET', `/api/members/erase/confirm?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('method="post"')
    expect(
      (await client.request('GET', `/api/members/${ids.erin}`, { token: tokens.admin })).status,
    ).toBe(200)
    expect((await client.request('GET', '/api/members/erase/confirm?token=short')).status).toBe(400)
  })

  it('erases on POST, once', async () => {
    const malformed = await client.request('POST', '/api/members/erase/confirm', {
      json: { token: 'nope' },
    })
    expect(malformed.status).toBe(400)
    expect(fieldOf(malformed)).toBe('token')
    const erased = await client.request('POST', '/api/members/erase/confirm', { json: { token } })
    expect(erased.status).toBe(200)
    expect(erased.body).toMatchObject({ erased: true })
    const again = await client.request('POST', '/api/members/erase/confirm', { json: { token } })
    expect(again.status).toBe(410)
    expect(fieldOf(again)).toBe('token')
  })

  it('leaves no cell naming her and no key pointing at her', async () => {
    const found = await cellsHolding([
      erin.email,
      erin.name,
      erin.bio,
      erin.organisation,
      erin.comment,
      erinAppeal,
    ])
    expect(found.map(({ table, column }) => `${table}.${column}`)).toEqual([])
    expect((await referencesTo(ids.erin)).map(({ table, column }) => `${table}.${column}`)).toEqual(
      [],
    )
    const deliveries = (await readAllCells(server.databaseURL)).filter(
      ({ column, value }) =>
        column === 'subscriber_id' && String(value) === String(ids.erinSubscriber),
    )
    expect(deliveries).toEqual([])
  })

  it('keeps her comments as "Former member" without their text, her post with that byline', async () => {
    const comment = await client.request('GET', `/api/comments/${ids.erinComment}`, {
      token: tokens.admin,
    })
    expect(comment.status).toBe(200)
    expect(comment.body).toMatchObject({
      displayName: FORMER_MEMBER,
      body: REMOVED_BODY,
      author: null,
    })
    const blog = await client.request('GET', `/api/blogs/${ids.blog}`)
    expect(blog.body).toMatchObject({ authorName: FORMER_MEMBER })
    expect(blog.body.author ?? null).toBeNull()
    const requests = await client.request('GET', '/api/erasure-requests?sort=-requestedAt', {
      token: tokens.admin,
    })
    expect(requests.body.docs?.[0]).toMatchObject({
      status: 'completed',
      member: null,
      source: 'member',
    })
    expect(
      (await client.request('GET', '/api/members/me', { token: tokens.erin })).body.user,
    ).toBeNull()
  })
})

describe('erasure by an admin', () => {
  it('is for admins, with a reason', async () => {
    const path = `/api/members/${ids.olivia}/erase`
    expect((await client.request('POST', path, { json: { reason: 'x' } })).status).toBe(401)
    expect(
      (await client.request('POST', path, { token: tokens.bob, json: { reason: 'Because' } }))
        .status,
    ).toBe(403)
    expect(
      (await client.request('POST', path, { token: tokens.moderator, json: { reason: 'Because' } }))
        .status,
    ).toBe(403)
    const noReason = await client.request('POST', path, { token: tokens.admin, json: {} })
    expect(noReason.status).toBe(400)
    expect(fieldOf(noReason)).toBe('reason')
  })

  it('erases at once, keeps comment text when the policy says keep, and logs no personal data', async () => {
    expect(
      (
        await client.request('POST', '/api/globals/comment-policy', {
          token: tokens.admin,
          json: { erasedCommentBody: 'keep' },
        })
      ).status,
    ).toBe(200)
    const erased = await client.request('POST', `/api/members/${ids.olivia}/erase`, {
      token: tokens.admin,
      json: { reason: `Asked by letter, ${olivia.name} wrote in` },
    })
    expect(erased.status).toBe(200)
    expect(erased.body).toMatchObject({ erased: true })
    const comment = await client.request('GET', `/api/comments/${ids.oliviaComment}`, {
      token: tokens.admin,
    })
    expect(comment.body).toMatchObject({
      displayName: FORMER_MEMBER,
      body: olivia.comment,
      author: null,
    })
    const log = await client.request('GET', '/api/privacy-log?sort=-at', { token: tokens.admin })
    const entry = log.body.docs?.[0] as Record<string, unknown>
    expect(entry).toMatchObject({ action: 'member-erased-by-staff' })
    expect(String(entry.reason)).toContain('Asked by letter')
    const text = JSON.stringify(entry)
    for (const personal of [olivia.name, olivia.email, `"member"`])
      expect(text).not.toContain(personal)
    expect(
      (await client.request('GET', '/api/privacy-log', { token: tokens.moderator })).status,
    ).toBe(403)
    const found = await cellsHolding([olivia.email, olivia.name, olivia.bio, olivia.organisation])
    expect(found.map(({ table, column }) => `${table}.${column}`)).toEqual([])
    expect(
      (await referencesTo(ids.olivia)).map(({ table, column }) => `${table}.${column}`),
    ).toEqual([])
  })
})

describe('deleting a moderated comment', () => {
  it('deletes its decision log with it (it used to fail on the log’s NOT NULL comment)', async () => {
    const path = `/api/comments/${ids.bobComment}`
    expect((await client.request('DELETE', path, { token: tokens.admin })).status).toBe(200)
    expect((await client.request('GET', path, { token: tokens.admin })).status).toBe(404)
  })
})
