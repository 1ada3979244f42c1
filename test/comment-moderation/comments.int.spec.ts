/**
 * Comment moderation over real HTTP against the express host, as guest, member, trusted member,
 * banned member, moderator and admin, with a real SMTP server receiving the emails.
 */
import type { TransparencyReport } from '@plugins/comment-moderation/rules/transparency'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiBody,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { startSmtpServer } from '../helpers/smtpServer'
import { runSql } from '../helpers/sql'

let server: RunningServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let client: ReturnType<typeof api>
const tokens: Record<string, string> = {}
const memberIds: Record<string, number> = {}
let blogId: number
let otherBlogId: number
let draftBlogId: number

const PASSWORD = 'a-long-test-password'

const post = (body: Record<string, unknown>, token?: string) =>
  client.request('POST', '/api/comments', { token, json: body })
const onBlog = (id = blogId) => ({ relationTo: 'blogs', value: id })
const guest = (extra: Record<string, unknown> = {}) => ({
  target: onBlog(),
  body: 'A thoughtful guest comment',
  authorName: 'Gwen Guest',
  authorEmail: 'gwen.guest@example.org',
  policyAccepted: true,
  ...extra,
})
const asMember = (extra: Record<string, unknown> = {}) => ({
  target: onBlog(),
  body: 'A member comment',
  policyAccepted: true,
  ...extra,
})
const moderate = (
  id: number,
  status: string,
  extra: Record<string, unknown> = {},
  token = tokens.moderator,
) => client.request('PATCH', `/api/comments/${id}`, { token, json: { status, ...extra } })
const setPolicy = async (changes: Record<string, unknown>) => {
  const response = await client.request('POST', '/api/globals/comment-policy', {
    token: tokens.admin,
    json: changes,
  })
  expect(response.status).toBe(200)
}
const idOf = (body: ApiBody) => body.doc?.id as number
/** Polls until `check` holds (emails are sent after the write, without holding up its response). */
const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
/** Moderators have been emailed about the comment (the urgent alert, or the digest). */
const moderatorsNotified = (id: number) => async () =>
  Boolean(
    (await client.request('GET', `/api/comments/${id}?depth=0`, { token: tokens.moderator })).body
      .moderatorsNotifiedAt,
  )

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer('comments', {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'community@q.example.org',
    COMMENT_RATE_LIMIT: '150',
  })
  client = api(server.url)
  tokens.admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  for (const role of ['moderator', 'editor']) {
    const email = `${role}.comments@test.example.org`
    const created = await client.request('POST', '/api/users', {
      token: tokens.admin,
      json: { name: `Comment ${role}`, email, password: PASSWORD, roles: [role] },
    })
    expect(created.status).toBe(201)
    tokens[role] = await client.login('users', email, PASSWORD)
  }
  for (const name of ['author', 'trusted', 'banned', 'reader1', 'reader2', 'reader3']) {
    const email = `${name}@members.example.org`
    const created = await client.request('POST', '/api/members', {
      token: tokens.admin,
      json: {
        name: `Member ${name}`,
        email,
        password: PASSWORD,
        profession: 'nurse',
        region: 'wales',
      },
    })
    expect(created.status).toBe(201)
    memberIds[name] = idOf(created.body)
    tokens[name] = await client.login('members', email, PASSWORD)
  }
  const blogs = await client.request('GET', '/api/blogs?limit=1')
  blogId = blogs.body.docs?.[0]?.id as number
  const other = await client.request('POST', '/api/blogs', {
    token: tokens.editor,
    json: { title: 'Another post for comments', _status: 'published' },
  })
  otherBlogId = idOf(other.body)
  const draft = await client.request('POST', '/api/blogs?draft=true', {
    token: tokens.editor,
    json: { title: 'A draft nobody may comment on', _status: 'draft' },
  })
  draftBlogId = idOf(draft.body)
  // Flood control is tested on its own; elsewhere it would only slow the suite down.
  await setPolicy({
    floodIntervalSeconds: 0,
    blockedTerms: ['buy followers'],
    heldTerms: ['lawsuit'],
  })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('posting', () => {
  test('a guest posts under the policy: 201, held as a first comment, invisible to the public', async () => {
    const created = await post(guest())
    expect(created.status).toBe(201)
    expect(created.body.doc?.status).toBe('pending')
    const id = idOf(created.body)
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(404)
    const thread = await client.request('GET', `/api/comments/thread?collection=blogs&id=${blogId}`)
    expect(JSON.stringify(thread.body)).not.toContain('A thoughtful guest comment')
  })

  test.each<[string, () => Record<string, unknown>, string]>([
    ['policyAccepted missing', () => ({ policyAccepted: undefined }), 'policyAccepted'],
    ['policyAccepted false', () => ({ policyAccepted: false }), 'policyAccepted'],
    ['policyAccepted the string "true"', () => ({ policyAccepted: 'true' }), 'policyAccepted'],
    ['an outdated policy version', () => ({ policyVersion: '0' }), 'policyVersion'],
    ['a guest without a name', () => ({ authorName: '' }), 'authorName'],
    ['a guest with a malformed email', () => ({ authorEmail: 'not-an-email' }), 'authorEmail'],
    ['an unknown collection', () => ({ target: { relationTo: 'events', value: 1 } }), 'target'],
    ['a document that does not exist', () => ({ target: onBlog(999999) }), 'target'],
    ['an unpublished document', () => ({ target: onBlog(draftBlogId) }), 'target'],
    ['an empty body', () => ({ body: '' }), 'body'],
    ['a body over 5,000 characters', () => ({ body: 'x'.repeat(5001) }), 'body'],
  ])('%s → 400 naming %s, nothing written', async (_case, override, field) => {
    const before = (await client.request('GET', '/api/comments?limit=0', { token: tokens.admin }))
      .body.totalDocs
    const response = await post(guest(override()))
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
    expect(response.text).not.toContain('gwen.guest@example.org')
    expect(
      (await client.request('GET', '/api/comments?limit=0', { token: tokens.admin })).body
        .totalDocs,
    ).toBe(before)
  })

  test('script and HTML are stored and returned as inert text', async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b>'
    const created = await post(asMember({ body }), tokens.author)
    expect(created.status).toBe(201)
    const approved = await moderate(idOf(created.body), 'approved', {
      reason: 'Harmless once escaped',
    })
    expect(approved.status).toBe(200)
    const read = await client.request('GET', `/api/comments/${idOf(created.body)}`)
    expect(read.headers.get('content-type')).toContain('application/json')
    expect(read.body.body).toBe(body)
  })

  test('staff accounts cannot post as members', async () => {
    const response = await post(asMember(), tokens.editor)
    expect(response.status).toBe(403)
  })
})

describe('moderation decisions', () => {
  test('a moderator must give a reason or clause; the decision is logged and the guest is emailed', async () => {
    const created = await post(
      guest({ body: 'Please publish me', authorEmail: 'decided.guest@example.org' }),
    )
    const id = idOf(created.body)
    const withoutReason = await moderate(id, 'approved')
    expect(withoutReason.status).toBe(400)
    expect(errorPaths(withoutReason.body)).toContain('reason')
    expect((await moderate(id, 'approved', { reason: 'Constructive' })).status).toBe(200)

    const history = await client.request(
      'GET',
      `/api/comment-decisions?where[comment][equals]=${id}&sort=decidedAt`,
      { token: tokens.moderator },
    )
    expect(history.body.docs?.map((row) => [row.from ?? null, row.to, row.source])).toEqual([
      [null, 'pending', 'rules'],
      ['pending', 'approved', 'moderator'],
    ])
    expect(history.body.docs?.[1]).toMatchObject({ reason: 'Constructive', policyVersion: '1' })

    const email = await smtp.waitFor((message) => message.to.includes('decided.guest@example.org'))
    expect(email.subject).toBe('Your comment has been published')
    expect(email.text).toContain('Please publish me')
    expect(email.from).toBe('community@q.example.org')
  })

  test('a rejection email cites the clause applied', async () => {
    const created = await post(
      guest({ body: 'Off-topic advert', authorEmail: 'rejected.guest@example.org' }),
    )
    expect((await moderate(idOf(created.body), 'rejected', { clause: '2' })).status).toBe(200)
    const email = await smtp.waitFor((message) => message.to.includes('rejected.guest@example.org'))
    expect(email.subject).toBe('Your comment was not published')
    expect(email.text).toMatch(/clause 2 \(No spam or advertising\)/)
  })

  test('members and the public cannot moderate', async () => {
    const created = await post(guest({ body: 'Moderate me if you can' }))
    expect(
      (await moderate(idOf(created.body), 'approved', { reason: 'x' }, tokens.author)).status,
    ).toBe(403)
    expect(
      (
        await client.request('PATCH', `/api/comments/${idOf(created.body)}`, {
          json: { status: 'approved', reason: 'x' },
        })
      ).status,
    ).toBe(403)
  })

  test('a member becomes trusted after an approved comment and skips the queue', async () => {
    const first = await post(asMember({ body: 'My first comment' }), tokens.trusted)
    expect(first.body.doc?.status).toBe('pending')
    await moderate(idOf(first.body), 'approved', { reason: 'Welcome' })
    const second = await post(asMember({ body: 'My second comment' }), tokens.trusted)
    expect(second.status).toBe(201)
    expect(second.body.doc?.status).toBe('approved')
  })

  test('rules still hold a trusted member: patient data, held terms, links; blocked terms reject', async () => {
    const cases: [string, string, string][] = [
      ['My patient (NHS 943 476 5919) did well', 'pending', 'patient-data'],
      ['Born 12/03/1956, lives at SW1A 1AA', 'pending', 'patient-data'],
      ['Her CHI is 120356 1237', 'pending', 'chi-number'],
      ['H&C 320 123 4001 on file', 'pending', 'hc-number'],
      ['Is there a lawsuit risk here?', 'pending', 'held-term'],
      ['See https://a.example https://b.example https://c.example', 'pending', 'too-many-links'],
      ['Want to buy followers?', 'rejected', 'blocked-term'],
    ]
    for (const [body, status, rule] of cases) {
      const created = await post(asMember({ body }), tokens.trusted)
      expect([body, created.status, created.body.doc?.status]).toEqual([body, 201, status])
      // The author sees why; the NHS, CHI or H&C number is never echoed into the reasons.
      const own = await client.request('GET', `/api/comments/${idOf(created.body)}`, {
        token: tokens.trusted,
      })
      const reasons = own.body.reasons as { rule: string; clause: string; detail?: string }[]
      expect(reasons.map((reason) => reason.rule)).toContain(rule)
      expect(JSON.stringify(reasons)).not.toMatch(/5919|1237|4001/)
    }
  })
})

test('a guest’s name is read by the same rules as the comment: it is published beside it', async () => {
  const created = await post(
    guest({ authorName: 'Sam, NHS 943 476 5919', authorEmail: 'named.guest@example.org' }),
  )
  expect(created.status).toBe(201)
  const held = await client.request('GET', `/api/comments/${idOf(created.body)}`, {
    token: tokens.moderator,
  })
  expect(held.body.status).toBe('pending')
  const rules = (held.body.reasons as { rule: string }[]).map((reason) => reason.rule)
  expect(rules).toContain('patient-data')
})

describe('who sees which comment', () => {
  const statuses = ['pending', 'approved', 'rejected', 'spam'] as const
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    for (const status of statuses) {
      const created = await post(asMember({ body: `Visibility check: ${status}` }), tokens.author)
      ids[status] = idOf(created.body)
      if (created.body.doc?.status !== status)
        expect((await moderate(ids[status], status, { reason: 'table' })).status).toBe(200)
    }
  })

  const table: [string, () => string | undefined, Record<(typeof statuses)[number], boolean>][] = [
    [
      'the public',
      () => undefined,
      { pending: false, approved: true, rejected: false, spam: false },
    ],
    [
      'the author',
      () => tokens.author,
      { pending: true, approved: true, rejected: true, spam: true },
    ],
    [
      'another member',
      () => tokens.reader1,
      { pending: false, approved: true, rejected: false, spam: false },
    ],
    [
      'an editor',
      () => tokens.editor,
      { pending: false, approved: true, rejected: false, spam: false },
    ],
    [
      'a moderator',
      () => tokens.moderator,
      { pending: true, approved: true, rejected: true, spam: true },
    ],
    ['an admin', () => tokens.admin, { pending: true, approved: true, rejected: true, spam: true }],
  ]
  describe.each(table)('%s', (_reader, token, expected) => {
    test.each(statuses)('a %s comment', async (status) => {
      const response = await client.request('GET', `/api/comments/${ids[status]}`, {
        token: token(),
      })
      expect(response.status === 200).toBe(expected[status])
      const list = await client.request('GET', '/api/comments?limit=100', { token: token() })
      expect(list.body.docs?.some((doc) => doc.id === ids[status])).toBe(expected[status])
    })
  })

  test('public reads never carry email, client hashes, reports or moderation internals (REST and GraphQL)', async () => {
    const rest = await client.request('GET', '/api/comments?limit=100&depth=0')
    expect(rest.body.docs?.length).toBeGreaterThan(0)
    for (const doc of rest.body.docs ?? []) {
      for (const key of [
        'authorEmail',
        'ipHash',
        'userAgentHash',
        'decision',
        'reportCount',
        'moderatorsNotifiedAt',
      ]) {
        expect(doc).not.toHaveProperty(key)
      }
      // Readable to sort by (the queue's order), but its value is for moderators only.
      expect(doc.urgent ?? null).toBeNull()
      expect(doc.reports ?? []).toEqual([])
      expect(doc.reasons ?? []).toEqual([])
    }
    expect(rest.text).not.toMatch(/@example\.org/)
    const gql = await client.graphql(
      '{ Comments(limit: 100) { docs { body status authorEmail ipHash reportCount } } }',
    )
    expect(gql.text).not.toMatch(/@example\.org/)
    expect(gql.text).not.toMatch(/[0-9a-f]{64}/)
  })
})

describe('thread, replies and reports', () => {
  let rootId: number

  beforeAll(async () => {
    const root = await post(asMember({ body: 'Root of the thread' }), tokens.trusted)
    rootId = idOf(root.body)
    // Approving it also makes `trusted` trusted, whichever tests ran before.
    if (root.body.doc?.status !== 'approved')
      expect((await moderate(rootId, 'approved', { reason: 'root' })).status).toBe(200)
  })

  test('replies nest up to three levels on the same document, oldest first', async () => {
    const reply = await post(asMember({ body: 'Reply level 2', parent: rootId }), tokens.trusted)
    expect(reply.status).toBe(201)
    const deeper = await post(
      asMember({ body: 'Reply level 3', parent: idOf(reply.body) }),
      tokens.trusted,
    )
    expect(deeper.status).toBe(201)
    const tooDeep = await post(
      asMember({ body: 'Reply level 4', parent: idOf(deeper.body) }),
      tokens.trusted,
    )
    expect(tooDeep.status).toBe(400)
    expect(errorPaths(tooDeep.body)).toContain('parent')

    const thread = await client.request('GET', `/api/comments/thread?collection=blogs&id=${blogId}`)
    expect(thread.status).toBe(200)
    type Node = { id: number; body: string; authorName: string; replies: Node[] }
    const root = (thread.body.comments as Node[]).find((node) => node.id === rootId)
    expect(root?.authorName).toBe('Member trusted')
    expect(root?.replies[0]?.body).toBe('Reply level 2')
    expect(root?.replies[0]?.replies[0]?.body).toBe('Reply level 3')
    expect(thread.text).not.toMatch(/@|ipHash|reports/)
  })

  test('a reply to a comment on another document, or to one not approved, is refused naming parent', async () => {
    const elsewhere = await post(
      asMember({ body: 'Wrong page', parent: rootId, target: onBlog(otherBlogId) }),
      tokens.trusted,
    )
    expect(elsewhere.status).toBe(400)
    expect(errorPaths(elsewhere.body)).toContain('parent')
    const held = await post(guest({ body: 'Held guest comment' }))
    const toHeld = await post(
      asMember({ body: 'Reply to held', parent: idOf(held.body) }),
      tokens.trusted,
    )
    expect(toHeld.status).toBe(400)
    expect(errorPaths(toHeld.body)).toContain('parent')
  })

  test('the author sees their own held comment in the thread; others do not', async () => {
    const held = await post(asMember({ body: 'Held: awaiting review (lawsuit)' }), tokens.trusted)
    const own = await client.request('GET', `/api/comments/thread?collection=blogs&id=${blogId}`, {
      token: tokens.trusted,
    })
    expect(own.text).toContain('Held: awaiting review')
    const other = await client.request(
      'GET',
      `/api/comments/thread?collection=blogs&id=${blogId}`,
      { token: tokens.reader1 },
    )
    expect(other.text).not.toContain('Held: awaiting review')
    expect(idOf(held.body)).toBeGreaterThan(0)
  })

  test.each([
    ['collection=events&id=1', 'collection'],
    ['collection=blogs&id=', 'id'],
    ['collection=blogs&id=1%27%20OR%201', 'id'],
  ])('thread with %s → 400 naming %s', async (query, field) => {
    const response = await client.request('GET', `/api/comments/thread?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
  })

  test('reports: members only, one per member, and three distinct reports hide the comment and alert moderators', async () => {
    const target = await post(asMember({ body: 'A comment readers dislike' }), tokens.trusted)
    const id = idOf(target.body)
    expect(
      (await client.request('POST', `/api/comments/${id}/report`, { json: { reason: 'rude' } }))
        .status,
    ).toBe(401)
    const noReason = await client.request('POST', `/api/comments/${id}/report`, {
      token: tokens.reader1,
      json: {},
    })
    expect(noReason.status).toBe(400)
    expect(errorPaths(noReason.body)).toContain('reason')
    expect(
      (
        await client.request('POST', `/api/comments/${id}/report`, {
          token: tokens.reader1,
          json: { reason: 'rude' },
        })
      ).status,
    ).toBe(201)
    const again = await client.request('POST', `/api/comments/${id}/report`, {
      token: tokens.reader1,
      json: { reason: 'still rude' },
    })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toMatch(/already reported/)
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(200)
    expect(
      (
        await client.request('POST', `/api/comments/${id}/report`, {
          token: tokens.reader2,
          json: { reason: 'rude' },
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await client.request('POST', `/api/comments/${id}/report`, {
          token: tokens.reader3,
          json: { reason: 'rude' },
        })
      ).status,
    ).toBe(201)
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(404)
    const asModerator = await client.request('GET', `/api/comments/${id}`, {
      token: tokens.moderator,
    })
    expect(asModerator.body).toMatchObject({ status: 'pending', reportCount: 3 })
    const alert = await smtp.waitFor((message) =>
      message.subject.startsWith('A comment was hidden after readers reported it'),
    )
    expect(alert.to).toEqual(
      expect.arrayContaining(['moderator.comments@test.example.org', ADMIN_EMAIL]),
    )
    expect(alert.text).toContain('A comment readers dislike')
  })
})

describe('bans, closed pages, guests, floods', () => {
  test('a moderator bans a member with a reason and an end date; the member gets 403; unban restores', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const noReason = await client.request('POST', '/api/comments/ban', {
      token: tokens.moderator,
      json: { member: memberIds.banned },
    })
    expect(noReason.status).toBe(400)
    expect(errorPaths(noReason.body)).toContain('reason')
    expect(
      (
        await client.request('POST', '/api/comments/ban', {
          token: tokens.author,
          json: { member: memberIds.banned, reason: 'x' },
        })
      ).status,
    ).toBe(403)
    const banned = await client.request('POST', '/api/comments/ban', {
      token: tokens.moderator,
      json: { member: memberIds.banned, reason: 'Repeated personal attacks', until },
    })
    expect(banned.status).toBe(200)
    const refused = await post(asMember({ body: 'Let me in' }), tokens.banned)
    expect(refused.status).toBe(403)
    expect(refused.body.errors?.[0]?.message).toContain('Repeated personal attacks')
    expect(
      (
        await client.request('POST', '/api/comments/unban', {
          token: tokens.moderator,
          json: { member: memberIds.banned },
        })
      ).status,
    ).toBe(200)
    expect((await post(asMember({ body: 'Back again' }), tokens.banned)).status).toBe(201)
  })

  test('comments closed on a page → 403 with a clear message', async () => {
    const closed = await client.request('PATCH', `/api/blogs/${otherBlogId}`, {
      token: tokens.editor,
      json: { commentsEnabled: false },
    })
    expect(closed.status).toBe(200)
    const response = await post(guest({ target: onBlog(otherBlogId) }))
    expect(response.status).toBe(403)
    expect(response.body.errors?.[0]?.message).toBe('Comments are closed on this page.')
  })

  test('closeAfterDays closes comments that many days after publication', async () => {
    // The seeded blog was published on 2026-11-02; a fresh one today.
    const fresh = await client.request('POST', '/api/blogs', {
      token: tokens.editor,
      json: { title: 'Published just now', _status: 'published' },
    })
    const publishedAt = new Date(
      String((await client.request('GET', `/api/blogs/${blogId}`)).body.publishedAt),
    )
    const ageInDays = Math.floor((Date.now() - publishedAt.getTime()) / 86_400_000)
    await setPolicy({ closeAfterDays: Math.max(1, ageInDays - 1) })
    const old = await post(guest({ body: 'Too late?' }))
    expect(old.status).toBe(403)
    expect(old.body.errors?.[0]?.message).toBe('Comments are closed on this page.')
    expect(
      (await post(guest({ body: 'Just in time', target: onBlog(idOf(fresh.body)) }))).status,
    ).toBe(201)
    await setPolicy({ closeAfterDays: null })
  })

  test('guests switched off → 403 asking them to log in', async () => {
    await setPolicy({ allowGuests: false })
    const response = await post(guest())
    expect(response.status).toBe(403)
    expect(response.body.errors?.[0]?.message).toMatch(/log in/i)
    await setPolicy({ allowGuests: true })
  })

  test('flood control: a second comment within the interval → 429', async () => {
    await setPolicy({ floodIntervalSeconds: 2 })
    // Every request here comes from 127.0.0.1, so let the address's own interval pass first.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect((await post(asMember({ body: 'Quick one' }), tokens.reader2)).status).toBe(201)
    const second = await post(asMember({ body: 'Quick two' }), tokens.reader2)
    expect(second.status).toBe(429)
    // The same client address counts too, whoever is posting.
    expect((await post(guest({ authorEmail: 'another.guest@example.org' }))).status).toBe(429)
    await setPolicy({ floodIntervalSeconds: 0 })
  })
})

describe('the safeguarding lane', () => {
  const WORDS = "I can't go on. Some nights I want to end my life"

  test('a guest at risk: held urgent and first in the queue, moderators emailed at once, the guest sent the kind reply without their words', async () => {
    const older = await post(guest({ body: 'An ordinary held comment, posted first' }))
    const created = await post(guest({ body: WORDS, authorEmail: 'at.risk.guest@example.org' }))
    expect(created.status).toBe(201)
    expect(created.body.doc?.status).toBe('pending')
    expect(created.body.doc?.urgent ?? null).toBeNull()
    expect(JSON.stringify(created.body)).not.toMatch(/safeguarding/)
    const id = idOf(created.body)
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(404)

    const stored = await client.request('GET', `/api/comments/${id}?depth=0`, {
      token: tokens.moderator,
    })
    expect(stored.body).toMatchObject({ status: 'pending', urgent: true, needsReview: true })
    expect(stored.body.reasons).toEqual([
      expect.objectContaining({ rule: 'safeguarding', clause: '6' }),
      expect.objectContaining({ rule: 'first-comment' }),
    ])
    // The queue's default order: the urgent lane above older held comments.
    const queue = await client.request('GET', '/api/comments?limit=100&depth=0', {
      token: tokens.moderator,
    })
    const order = (queue.body.docs ?? []).map((doc) => doc.id)
    expect(order[0]).toBe(id)
    expect(order.indexOf(idOf(older.body))).toBeGreaterThan(0)

    const alert = await smtp.waitFor((message) => message.subject.startsWith('URGENT'))
    expect(alert.to).toEqual(
      expect.arrayContaining(['moderator.comments@test.example.org', ADMIN_EMAIL]),
    )
    expect(alert.to).not.toContain('at.risk.guest@example.org')
    expect(alert.text).toContain('Some nights I want to end my life')
    // Marked once the alert was sent, so the hourly digest skips it.
    await until('moderatorsNotifiedAt set', moderatorsNotified(id))
    const reply = await smtp.waitFor((message) => message.to.includes('at.risk.guest@example.org'))
    expect(reply.subject).toBe('We read your comment, and we are here')
    for (const signpost of ['Samaritans', '116 123', 'NHS 111', '999', '85258'])
      expect(reply.text).toContain(signpost)
    expect(reply.text).not.toMatch(/end my life|go on/)
    expect(reply.html).not.toMatch(/end my life/)
    // A generic greeting: the name is whatever the poster typed.
    expect(reply.text).toMatch(/^Hello,/m)
    expect(reply.text).not.toContain('Gwen Guest')
  })

  test('the reply goes to one address at most once a day, however many urgent comments name it; moderators hear of each', async () => {
    const target = 'someone.else@example.org'
    const first = await post(
      guest({
        body: 'First try: I want to end my life',
        authorName: 'Click here',
        authorEmail: target,
      }),
    )
    const second = await post(
      guest({
        body: 'Second try: I want to end my life',
        authorName: 'Visit evil.example',
        authorEmail: 'Someone.Else@Example.org',
      }),
    )
    expect([first.status, second.status]).toEqual([201, 201])
    for (const attempt of ['First try', 'Second try'])
      await smtp.waitFor(
        (message) => message.subject.startsWith('URGENT') && message.text.includes(attempt),
      )
    // Each comment is marked after its reply was decided on: both have been through it.
    await until(
      'both comments marked notified',
      async () =>
        (await moderatorsNotified(idOf(first.body))()) &&
        (await moderatorsNotified(idOf(second.body))()),
    )
    const replies = smtp.messages.filter((message) => message.to.includes(target))
    expect(replies).toHaveLength(1)
    expect(replies[0].text).not.toMatch(/Click here|evil\.example/)
  })

  test('a member is sent the reply at their own address; a comment also spam-like is still held urgent', async () => {
    const created = await post(
      asMember({ body: 'buy followers now, or I will kill myself' }),
      tokens.reader2,
    )
    expect(created.status).toBe(201)
    expect(created.body.doc?.status).toBe('pending')
    const stored = await client.request('GET', `/api/comments/${idOf(created.body)}?depth=0`, {
      token: tokens.moderator,
    })
    expect(stored.body.urgent).toBe(true)
    expect((stored.body.reasons as { rule: string }[]).map((reason) => reason.rule)).toEqual(
      expect.arrayContaining(['blocked-term', 'safeguarding']),
    )
    const reply = await smtp.waitFor((message) =>
      message.to.includes('reader2@members.example.org'),
    )
    expect(reply.text).toContain('116 123')
    expect(reply.text).not.toContain('kill myself')
    expect(reply.text).not.toContain('Member reader2')
  })

  test('a moderator decision on the lane cites the safeguarding clause and leaves the lane', async () => {
    const created = await post(
      guest({
        body: 'My dad has chest pain and cannot breathe',
        authorEmail: 'lane.decided@example.org',
      }),
    )
    const id = idOf(created.body)
    expect((await moderate(id, 'approved', { reason: 'Called back; he is fine' })).status).toBe(200)
    // The decision email does not repeat words that suggested someone was at risk.
    const decided = await smtp.waitFor(
      (message) =>
        message.to.includes('lane.decided@example.org') &&
        message.subject === 'Your comment has been published',
    )
    expect(decided.text).not.toMatch(/chest pain|breathe/)
    expect(decided.html).not.toMatch(/chest pain|breathe/)
    const log = await client.request(
      'GET',
      `/api/comment-decisions?where[comment][equals]=${id}&sort=decidedAt`,
      { token: tokens.moderator },
    )
    expect(log.body.docs?.map((row) => [row.source, row.clauses, row.rules])).toEqual([
      ['rules', expect.arrayContaining(['6']), expect.arrayContaining(['safeguarding'])],
      ['moderator', ['6'], ['moderator', 'safeguarding']],
    ])
    const stored = await client.request('GET', `/api/comments/${id}?depth=0`, {
      token: tokens.moderator,
    })
    expect(stored.body).toMatchObject({ status: 'approved', urgent: false })
    // Public once approved, with nothing of the lane in it.
    const read = await client.request('GET', `/api/comments/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.urgent ?? null).toBeNull()
  })
})

describe('public statistics', () => {
  test('counts decisions by clause, status and rule, with no personal data', async () => {
    const stats = await client.request('GET', '/api/comments/stats')
    expect(stats.status).toBe(200)
    const byClause = stats.body.byClause as { clause: string; count: number }[]
    expect(byClause.find((row) => row.clause === '5')?.count).toBeGreaterThanOrEqual(2)
    expect((stats.body.byRule as { rule: string }[]).map((row) => row.rule)).toEqual(
      expect.arrayContaining(['first-comment', 'patient-data', 'blocked-term']),
    )
    expect(stats.text).not.toMatch(/@|body|Member /)
  })

  test.each([
    ['from=2026-12-01&to=2026-11-01', 'from'],
    ['from=yesterday', 'from'],
    ['to=2026-13-45', 'to'],
  ])('%s → 400 naming %s', async (query, field) => {
    const response = await client.request('GET', `/api/comments/stats?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
  })
})

describe('appeals', () => {
  const appeal = (id: number, reason: unknown, token?: string) =>
    client.request('POST', `/api/comments/${id}/appeal`, { token, json: { reason } })
  const REASON = 'I quoted the advert to warn others about it, not to promote it.'
  /** A comment by the `author` member, rejected by `tokens.moderator` under clause 2. */
  const rejected = async (body: string) => {
    const id = idOf((await post(asMember({ body }), tokens.author)).body)
    const decided = await moderate(id, 'rejected', { reason: 'Reads as an advert', clause: '2' })
    expect(decided.status).toBe(200)
    return id
  }
  const logOf = async (id: number) =>
    (
      await client.request(
        'GET',
        `/api/comment-decisions?where[comment][equals]=${id}&sort=decidedAt&depth=0`,
        { token: tokens.moderator },
      )
    ).body.docs ?? []
  let secondModeratorId: number

  beforeAll(async () => {
    const email = 'second.moderator@test.example.org'
    const created = await client.request('POST', '/api/users', {
      token: tokens.admin,
      json: { name: 'Second moderator', email, password: PASSWORD, roles: ['moderator'] },
    })
    secondModeratorId = idOf(created.body)
    tokens.secondModerator = await client.login('users', email, PASSWORD)
  })

  test('refusals: 401 not a member, 404 not theirs, 409 not rejected, 400 naming reason; nothing changes', async () => {
    const id = await rejected('Buy my course, link in bio (appeal refusals)')
    const approved = idOf((await post(asMember({ body: 'An approved one' }), tokens.author)).body)
    await moderate(approved, 'approved', { reason: 'Fine' })
    expect((await appeal(id, REASON)).status).toBe(401)
    expect((await appeal(id, REASON, tokens.moderator)).status).toBe(401)
    const stranger = await appeal(id, REASON, tokens.reader1)
    expect(stranger.status).toBe(404)
    expect(errorPaths(stranger.body)).toContain('id')
    expect((await appeal(999_999, REASON, tokens.author)).status).toBe(404)
    expect((await appeal(approved, REASON, tokens.author)).status).toBe(409)
    for (const reason of [undefined, '', 'too short', 'x'.repeat(2001), 42]) {
      const response = await appeal(id, reason, tokens.author)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toContain('reason')
    }
    const read = await client.request('GET', `/api/comments/${id}`, { token: tokens.moderator })
    expect(read.body.status).toBe('rejected')
    expect(read.body.appeal).toMatchObject({ appealedAt: null })
  })

  test('an appeal returns the comment to the queue; the same moderator may not decide it; a different one overturns it and the author is emailed', async () => {
    const body = 'I warn readers off this advert: buy cheap pills here (appeal one)'
    const id = await rejected(body)
    const filed = await appeal(id, `  ${REASON}  `, tokens.author)
    expect(filed.status).toBe(201)
    expect(filed.body).toEqual({
      message: expect.any(String),
      appeal: { status: 'pending', appealedAt: expect.any(String) },
    })
    expect((await appeal(id, REASON, tokens.author)).status).toBe(409)

    // Back in the queue; the appeal is the author's and the moderators' to read, nobody else's.
    const queued = await client.request('GET', `/api/comments/${id}`, { token: tokens.moderator })
    expect(queued.body).toMatchObject({ status: 'pending', needsReview: true })
    expect(queued.body.appeal).toMatchObject({ reason: REASON, status: 'pending', clause: '2' })
    const own = await client.request('GET', `/api/comments/${id}`, { token: tokens.author })
    expect(own.body.appeal).toMatchObject({ reason: REASON })
    expect(
      (await client.request('GET', `/api/comments/${id}`, { token: tokens.reader1 })).status,
    ).toBe(404)
    const asMemberList = await client.request('GET', '/api/comments?limit=100', {
      token: tokens.reader1,
    })
    expect(asMemberList.text).not.toContain(REASON)
    // A moderator cannot write the appeal's fields (server-set only).
    await client.request('PATCH', `/api/comments/${id}`, {
      token: tokens.secondModerator,
      json: { appeal: { status: 'overturned', reason: 'forged' } },
    })
    expect(
      (await client.request('GET', `/api/comments/${id}`, { token: tokens.moderator })).body.appeal,
    ).toMatchObject({ reason: REASON, status: 'pending' })

    const same = await moderate(id, 'approved', { reason: 'On reflection, fine' })
    expect(same.status).toBe(403)
    expect(same.text).toContain('different moderator')
    expect(
      (await client.request('GET', `/api/comments/${id}`, { token: tokens.moderator })).body.status,
    ).toBe('pending')

    const decided = await moderate(
      id,
      'approved',
      { reason: 'A warning, not an advert' },
      tokens.secondModerator,
    )
    expect(decided.status).toBe(200)
    const after = await client.request('GET', `/api/comments/${id}?depth=0`, {
      token: tokens.moderator,
    })
    expect(after.body.appeal).toMatchObject({
      status: 'overturned',
      decidedBy: secondModeratorId,
      note: 'A warning, not an advert',
      clause: '2',
    })
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(200)
    // The author reads the outcome, not which moderators decided.
    const ownAfter = await client.request('GET', `/api/comments/${id}?depth=0`, {
      token: tokens.author,
    })
    expect(ownAfter.body.appeal).toMatchObject({ status: 'overturned' })
    expect(ownAfter.body.appeal).not.toHaveProperty('decidedBy')
    expect(ownAfter.body.appeal).not.toHaveProperty('rejectedBy')
    // The overturned moderator cannot simply reject it again (there is no second appeal).
    const again = await moderate(id, 'rejected', { reason: 'Still an advert' })
    expect(again.status).toBe(403)
    expect(again.text).toContain('different moderator')
    expect((await client.request('GET', `/api/comments/${id}`)).status).toBe(200)

    const log = await logOf(id)
    expect(log.map((row) => [row.from ?? null, row.to, row.source])).toEqual([
      [null, log[0].to, 'rules'],
      [log[0].to, 'rejected', 'moderator'],
      ['rejected', 'pending', 'appeal'],
      ['pending', 'approved', 'appeal'],
    ])
    // The log records that an appeal was filed, not the author's own words.
    expect(log[2]).toMatchObject({ by: null, clauses: ['2'] })
    expect(JSON.stringify(log)).not.toContain(REASON)
    expect(log[3]).toMatchObject({
      by: secondModeratorId,
      reason: 'A warning, not an advert',
      clauses: ['2'],
    })

    const email = await smtp.waitFor(
      (message) =>
        message.to.includes('author@members.example.org') && message.text.includes('appeal one'),
    )
    expect(email.subject).toBe('Your appeal was successful: your comment is published')
    expect(email.text).toContain('clause 2 (No spam or advertising)')
    expect(email.text).toContain('A warning, not an advert')
    // The outcome email is the only one on the appeal: no "published" decision email besides it.
    expect(
      smtp.messages.filter(
        (message) =>
          message.text.includes('appeal one') &&
          message.subject === 'Your comment has been published',
      ),
    ).toEqual([])
  })

  test('a rejection upheld on appeal is emailed citing the clause; an appeal after the window → 403', async () => {
    const id = await rejected('Cheap pills, message me (appeal two)')
    expect((await appeal(id, REASON, tokens.author)).status).toBe(201)
    expect(
      (await moderate(id, 'rejected', { reason: 'Still an advert' }, tokens.secondModerator))
        .status,
    ).toBe(200)
    const after = await client.request('GET', `/api/comments/${id}`, { token: tokens.author })
    expect(after.body.appeal).toMatchObject({ status: 'upheld' })
    // Once only, decided or not.
    expect((await appeal(id, REASON, tokens.author)).status).toBe(409)
    const email = await smtp.waitFor(
      (message) =>
        message.to.includes('author@members.example.org') && message.text.includes('appeal two'),
    )
    expect(email.subject).toBe('Your appeal was not upheld')
    expect(email.text).toContain('clause 2 (No spam or advertising)')

    const late = await rejected('Another advert (appeal too late)')
    // The rejection, moved 15 days back in the database (the default window is 14 days).
    await runSql(server.databaseURL, 'UPDATE comments SET decision_at = ? WHERE id = ?', [
      new Date(Date.now() - 15 * 86_400_000).toISOString(),
      late,
    ])
    const tooLate = await appeal(late, REASON, tokens.author)
    expect(tooLate.status).toBe(403)
    expect(tooLate.text).toContain('14 days')
    await setPolicy({ appealWindowDays: 30 })
    expect((await appeal(late, REASON, tokens.author)).status).toBe(201)
    await setPolicy({ appealWindowDays: 14 })
  })

  test('an appeal whose reason suggests the author is at risk joins the urgent lane, moderators alerted at once', async () => {
    const id = await rejected('Buy my course, link in bio (appeal at risk)')
    const words = 'Please read it again. Some days I want to end my life.'
    expect((await appeal(id, words, tokens.author)).status).toBe(201)
    const queued = await client.request('GET', `/api/comments/${id}`, { token: tokens.moderator })
    expect(queued.body).toMatchObject({ status: 'pending', urgent: true })
    const alert = await smtp.waitFor(
      (message) => message.subject.startsWith('URGENT') && message.text.includes(`/comments/${id}`),
    )
    // The words moderators must read are the appeal's, not the rejected comment's.
    expect(alert.text).toContain('appeal')
    expect(alert.text).toContain('Some days I want to end my life')
    const filing = (await logOf(id)).at(-1)
    expect(filing).toMatchObject({ source: 'appeal', from: 'rejected', to: 'pending' })
    expect(filing?.rules).toContain('safeguarding')
  })
})

describe('transparency report', () => {
  const thisMonth = () => new Date().toISOString().slice(0, 7)

  test('the month in figures: matches what was done, aggregates only, cached publicly', async () => {
    const month = thisMonth()
    const report = await client.request('GET', `/api/comments/transparency?month=${month}`)
    expect(report.status).toBe(200)
    const figures = report.body as unknown as TransparencyReport
    expect(report.headers.get('cache-control')).toBe('public, max-age=60')
    const [from, to] = [
      `${month}-01T00:00:00.000Z`,
      new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString(),
    ]
    const count = async (collection: string, field: string, extra = '') =>
      (
        await client.request(
          'GET',
          `/api/${collection}?limit=1&where[${field}][greater_than_equal]=${from}&where[${field}][less_than]=${to}${extra}`,
          { token: tokens.admin },
        )
      ).body.totalDocs
    expect(figures.commentsReceived).toBe(await count('comments', 'createdAt'))
    expect(figures.decisions.total).toBe(await count('comment-decisions', 'decidedAt'))
    const rejectedCount = (figures.decisions.byStatus as { status: string; count: number }[]).find(
      (row) => row.status === 'rejected',
    )?.count
    expect(rejectedCount).toBe(
      await count('comment-decisions', 'decidedAt', '&where[to][equals]=rejected'),
    )
    // This file's appeals: four filed, one overturned, one upheld (two still pending).
    expect(figures.appeals).toEqual({ filed: 4, overturned: 1, upheld: 1 })
    // The reports test: three reports hid one comment, not yet decided.
    expect(figures.reports).toMatchObject({ received: 3, commentsHidden: 1 })
    expect(figures.timeToDecision.allHeld.held).toBeGreaterThan(0)
    expect(figures.timeToDecision.allHeld.decided).toBeGreaterThan(0)
    expect(figures.timeToDecision.allHeld.medianMinutes).toBeGreaterThanOrEqual(0)
    // The safeguarding lane's tests above held comments in the lane this month: while the month
    // runs, its figures and its clause are withheld (a live count could point at a person).
    const heldInLane = await count(
      'comment-decisions',
      'decidedAt',
      '&where[source][equals]=rules&where[rules][in]=safeguarding',
    )
    expect(heldInLane).toBeGreaterThan(0)
    expect(figures.timeToDecision.safeguarding).toEqual({
      held: null,
      decided: null,
      medianMinutes: null,
      withheld: true,
    })
    expect(figures.decisions.byClause).not.toContainEqual(expect.objectContaining({ clause: '6' }))
    // No addresses, names, bodies or member ids.
    expect(report.text).not.toMatch(/@|Member |Gwen|"body"|author/i)

    const past = await client.request('GET', '/api/comments/transparency?month=2000-01')
    expect(past.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(past.body).toMatchObject({ month: '2000-01', commentsReceived: 0 })
    expect((await client.request('GET', '/api/comments/transparency')).status).toBe(200)
  })

  test.each(['2026-13', '1999-12', '3000-01', 'last-month', '2026-1'])(
    'month=%s → 400 naming month',
    async (month) => {
      const response = await client.request('GET', `/api/comments/transparency?month=${month}`)
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toContain('month')
    },
  )
})

describe('rate limit', () => {
  test('the express host limits POST /api/comments per client address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 160 && !statuses.includes(429); attempt++) {
      statuses.push((await client.request('POST', '/api/comments', { json: {} })).status)
    }
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
  })
})
