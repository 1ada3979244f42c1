/**
 * Reports under concurrency, over real HTTP: twenty members reporting one comment at the same
 * moment each count once; the comment is hidden once, with one decision.
 */
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiBody,
  type RunningServer,
  startServer,
} from '../helpers/server'

const PASSWORD = 'a-long-test-password'
const MEMBERS = 20

let server: RunningServer
let client: ReturnType<typeof api>
let adminToken: string
const memberTokens: string[] = []
const idOf = (body: ApiBody) => body.doc?.id as number

beforeAll(async () => {
  server = await startServer('comment-reports', {
    LOGIN_RATE_LIMIT: '200',
    COMMENT_RATE_LIMIT: '200',
  })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  // Flood control is tested on its own; here members comment one after another from one address.
  const policy = await client.request('POST', '/api/globals/comment-policy', {
    token: adminToken,
    json: { floodIntervalSeconds: 0 },
  })
  expect(policy.status).toBe(200)
  await Promise.all(
    Array.from({ length: MEMBERS }, async (_, i) => {
      const email = `reporter-${i}@members.example.org`
      const created = await client.request('POST', '/api/members', {
        token: adminToken,
        json: {
          name: `Reporter ${i}`,
          email,
          password: PASSWORD,
          profession: 'nurse',
          region: 'wales',
        },
      })
      expect(created.status).toBe(201)
      memberTokens[i] = await client.login('members', email, PASSWORD)
    }),
  )
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** A member's comment on a published blog, approved by an admin. */
const approvedComment = async (body: string, author: number) => {
  const blogs = await client.request('GET', '/api/blogs?limit=1')
  const posted = await client.request('POST', '/api/comments', {
    token: memberTokens[author],
    json: {
      target: { relationTo: 'blogs', value: blogs.body.docs?.[0]?.id },
      body,
      policyAccepted: true,
    },
  })
  expect(posted.status).toBe(201)
  const id = idOf(posted.body)
  const approved = await client.request('PATCH', `/api/comments/${id}`, {
    token: adminToken,
    json: { status: 'approved', reason: 'Within the policy' },
  })
  expect(approved.status).toBe(200)
  return id
}

test('20 members reporting at once: 20 reports counted, the comment hidden once, by the last', async () => {
  // Hidden at the 20th report: a report arriving after the comment is hidden would get 404.
  const policy = await client.request('POST', '/api/globals/comment-policy', {
    token: adminToken,
    json: { reportsToHide: MEMBERS },
  })
  expect(policy.status).toBe(200)
  const id = await approvedComment('A comment twenty readers report at once', 0)
  const responses = await Promise.all(
    memberTokens.map((token, i) =>
      client.request('POST', `/api/comments/${id}/report`, {
        token,
        json: { reason: `report ${i}` },
      }),
    ),
  )
  expect(responses.map((response) => response.status)).toEqual(Array(MEMBERS).fill(201))
  const stored = await client.request('GET', `/api/comments/${id}?depth=0`, { token: adminToken })
  expect(stored.body).toMatchObject({ status: 'pending', reportCount: MEMBERS })
  const reports = stored.body.reports as { member: number }[]
  expect(new Set(reports.map((report) => report.member)).size).toBe(MEMBERS)
  const decisions = await client.request(
    'GET',
    `/api/comment-decisions?where[comment][equals]=${id}&where[source][equals]=reports`,
    { token: adminToken },
  )
  expect(decisions.body.totalDocs).toBe(1)
})

test('one member reporting twice at once counts once', async () => {
  const id = await approvedComment('A comment one reader reports twice', 1)
  const responses = await Promise.all(
    [0, 1, 2].map(() =>
      client.request('POST', `/api/comments/${id}/report`, {
        token: memberTokens[5],
        json: { reason: 'twice' },
      }),
    ),
  )
  expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409])
  const stored = await client.request('GET', `/api/comments/${id}?depth=0`, { token: adminToken })
  expect(stored.body).toMatchObject({ status: 'approved', reportCount: 1 })
  expect(stored.body.reports).toHaveLength(1)
})

test('reports weigh by the reporter’s record: three members whose reports were not upheld cannot hide a fair comment', async () => {
  const setReportsToHide = async (reportsToHide: number) =>
    expect(
      (
        await client.request('POST', '/api/globals/comment-policy', {
          token: adminToken,
          json: { reportsToHide },
        })
      ).status,
    ).toBe(200)
  const serial = [10, 11, 12]
  const report = (id: number, member: number) =>
    client.request('POST', `/api/comments/${id}/report`, {
      token: memberTokens[member],
      json: { reason: 'I do not like it' },
    })
  const decide = (id: number, json: Record<string, unknown>) =>
    client.request('PATCH', `/api/comments/${id}`, { token: adminToken, json })
  const stored = async (id: number) =>
    (await client.request('GET', `/api/comments/${id}?depth=0`, { token: adminToken })).body

  // Three times they report a fair comment, and three times a moderator reviews it and keeps it.
  await setReportsToHide(MEMBERS)
  for (const round of [1, 2, 3]) {
    const id = await approvedComment(`A fair comment, round ${round}`, 0)
    for (const member of serial) expect((await report(id, member)).status).toBe(201)
    expect((await decide(id, { status: 'pending', reason: 'Reviewing the reports' })).status).toBe(
      200,
    )
    // Back to pending settles nothing; approving it again means the reports were not upheld.
    expect(((await stored(id)).reports as { outcome: null }[]).map((row) => row.outcome)).toEqual(
      Array(3).fill(null),
    )
    expect((await decide(id, { status: 'approved', reason: 'Within the policy' })).status).toBe(200)
    expect(((await stored(id)).reports as { outcome: string }[]).map((row) => row.outcome)).toEqual(
      Array(3).fill('not-upheld'),
    )
  }

  // Now each of their reports weighs 2 × 3/9 = 0.67: together 2.01 of 3.
  await setReportsToHide(3)
  const fair = await approvedComment('Another fair comment', 0)
  for (const member of serial) expect((await report(fair, member)).status).toBe(201)
  const afterThree = await stored(fair)
  expect(afterThree).toMatchObject({ status: 'approved', reportCount: 3 })
  expect((afterThree.reports as { weight: number }[]).map((row) => row.weight)).toEqual([
    0.67, 0.67, 0.67,
  ])
  expect((await client.request('GET', `/api/comments/${fair}`)).status).toBe(200)
  // One member with no record (1) brings it to 3.01: hidden, and the log says by how much.
  expect((await report(fair, 13)).status).toBe(201)
  expect((await stored(fair)).status).toBe('pending')
  const decisions = await client.request(
    'GET',
    `/api/comment-decisions?where[comment][equals]=${fair}&where[source][equals]=reports`,
    { token: adminToken },
  )
  expect(decisions.body.docs?.[0]?.reason).toBe(
    'Hidden after 4 members reported it (weight 3.01 of 3)',
  )
  // A rejection upholds every report still undecided.
  expect((await decide(fair, { status: 'rejected', clause: '2' })).status).toBe(200)
  expect(((await stored(fair)).reports as { outcome: string }[]).map((row) => row.outcome)).toEqual(
    Array(4).fill('upheld'),
  )
})

test('reports a moderator has settled count no more: approved after hiding, one more report does not hide it again', async () => {
  expect(
    (
      await client.request('POST', '/api/globals/comment-policy', {
        token: adminToken,
        json: { reportsToHide: 3 },
      })
    ).status,
  ).toBe(200)
  const report = (id: number, member: number) =>
    client.request('POST', `/api/comments/${id}/report`, {
      token: memberTokens[member],
      json: { reason: 'Not for me' },
    })
  const stored = async (id: number) =>
    (await client.request('GET', `/api/comments/${id}?depth=0`, { token: adminToken })).body
  // Three members with no record (1 each) hide it.
  const id = await approvedComment('A comment hidden by reports, then kept by a moderator', 0)
  for (const member of [15, 16, 17]) expect((await report(id, member)).status).toBe(201)
  expect((await stored(id)).status).toBe('pending')
  const kept = await client.request('PATCH', `/api/comments/${id}`, {
    token: adminToken,
    json: { status: 'approved', reason: 'Within the policy' },
  })
  expect(kept.status).toBe(200)
  // The three reports are settled (not upheld); a fourth reporter's 1 is all that counts now.
  expect((await report(id, 18)).status).toBe(201)
  expect(await stored(id)).toMatchObject({ status: 'approved', reportCount: 4 })
  const decisions = await client.request(
    'GET',
    `/api/comment-decisions?where[comment][equals]=${id}&where[source][equals]=reports`,
    { token: adminToken },
  )
  expect(decisions.body.totalDocs).toBe(1)
})
