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
