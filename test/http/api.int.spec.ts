/**
 * The contract frontends rely on, checked from the outside: real HTTP requests to the express host
 * running the built app in production mode (migrations applied, demo content seeded).
 */
import { createCMSClient } from '@q-community/cms-client'
import sharp from 'sharp'

import { makeReportPdf } from '@/seed/demoFiles'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiDoc,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>
let adminToken: string
let editorToken: string
let moderatorToken: string
let memberToken: string
let memberId: number

const PASSWORD = 'a-long-test-password'

const createStaff = async (role: string) => {
  const email = `${role}@test.example.org`
  const created = await client.request('POST', '/api/users', {
    token: adminToken,
    json: { name: `Test ${role}`, email, password: PASSWORD, roles: [role] },
  })
  expect(created.status).toBe(201)
  return client.login('users', email, PASSWORD)
}

beforeAll(async () => {
  server = await startServer('http-api', {
    LOGIN_RATE_LIMIT: '40',
    GRAPHQL_MAX_DEPTH: '4',
    GRAPHQL_MAX_COMPLEXITY: '100',
  })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  editorToken = await createStaff('editor')
  moderatorToken = await createStaff('moderator')
  const member = await client.request('POST', '/api/members', {
    token: adminToken,
    json: {
      name: 'Http Member',
      email: 'http.member@example.org',
      password: PASSWORD,
      profession: 'nurse',
      region: 'wales',
    },
  })
  expect(member.status).toBe(201)
  memberId = member.body.doc?.id as number
  memberToken = await client.login('members', 'http.member@example.org', PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('health and headers', () => {
  test('GET /healthz answers 200 while alive', async () => {
    const response = await client.request('GET', '/healthz')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('ok')
  })

  test('GET /readyz answers 200 when the database is reachable', async () => {
    const response = await client.request('GET', '/readyz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ready', database: 'ok' })
  })

  test('API responses carry security headers and no X-Powered-By', async () => {
    const response = await client.request('GET', '/api/blogs')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  test('the admin UI is served at /admin', async () => {
    const response = await fetch(`${server.url}/admin/login`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<html')
  })
})

describe('seeded demo content', () => {
  test.each([
    ['blogs', 'what-are-we-learning-together'],
    ['interviews', 'interview-carolyn-johnston'],
    ['events', 'welcome-to-q-london-march-2027'],
    ['lab-themes', 'empowering-people-to-manage-their-own-health-and-care-needs'],
    ['evaluation-reports', 'evaluating-q-phase-one'],
  ])('GET /api/%s lists the seeded %s', async (collection, slug) => {
    const response = await client.request('GET', `/api/${collection}?where[slug][equals]=${slug}`)
    expect(response.status).toBe(200)
    expect(response.body.docs?.map((doc) => doc.slug)).toEqual([slug])
  })

  test('a dozen members across regions and professions', async () => {
    const response = await client.request('GET', '/api/members?limit=100', { token: adminToken })
    const seeded = (response.body.docs ?? []).filter(
      (doc) => String(doc.email).endsWith('@example.org') && doc.name !== 'Http Member',
    )
    expect(seeded).toHaveLength(12)
    expect(new Set(seeded.map((doc) => doc.region)).size).toBeGreaterThanOrEqual(10)
    expect(new Set(seeded.map((doc) => doc.profession)).size).toBeGreaterThanOrEqual(7)
  })

  test('the blog byline shows the author name without exposing the staff account', async () => {
    const response = await client.request(
      'GET',
      '/api/blogs?where[slug][equals]=what-are-we-learning-together&depth=1',
    )
    const blog = response.body.docs?.[0] as ApiDoc
    expect(blog.authorName).toBe('Q Admin')
    expect(JSON.stringify(blog)).not.toContain(ADMIN_EMAIL)
  })
})

describe('the typed client (@q-community/cms-client)', () => {
  test('reads published blogs with select, as the README shows', async () => {
    const cms = createCMSClient(server.url)
    const { docs, totalDocs } = await cms.find({
      collection: 'blogs',
      limit: 5,
      sort: '-publishedAt',
      select: { title: true, slug: true, authorName: true },
    })
    const raw = await client.request('GET', '/api/blogs?limit=5&sort=-publishedAt&depth=0')
    expect(totalDocs).toBe(raw.body.totalDocs)
    expect(docs.map((blog) => blog.slug)).toEqual(raw.body.docs?.map((doc) => doc.slug))
    const seeded = docs.find((blog) => blog.slug === 'what-are-we-learning-together')
    expect(seeded).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      slug: 'what-are-we-learning-together',
      authorName: 'Q Admin',
    })
  })

  test('the byline follows select in both modes without returning the author it needed', async () => {
    const excluding = await client.request(
      'GET',
      '/api/blogs?where[slug][equals]=what-are-we-learning-together&select[author]=false&select[content]=false',
    )
    const blog = excluding.body.docs?.[0] as ApiDoc
    expect(blog.authorName).toBe('Q Admin')
    expect(blog).not.toHaveProperty('author')
    expect(blog).not.toHaveProperty('content')
  })

  test('a refusal surfaces as a typed error with the status', async () => {
    const cms = createCMSClient(server.url)
    await expect(cms.find({ collection: 'blogs', limit: 1000 })).rejects.toMatchObject({
      status: 400,
    })
  })
})

describe('drafts never leak', () => {
  let draftId: number
  const draftTitle = 'Secret draft about a sensitive pilot'

  beforeAll(async () => {
    const created = await client.request('POST', '/api/blogs?draft=true', {
      token: editorToken,
      json: { title: draftTitle, _status: 'draft' },
    })
    expect(created.status).toBe(201)
    draftId = created.body.doc?.id as number
  })

  test.each([
    ['the public', () => undefined],
    ['a member', () => memberToken],
  ])('%s cannot see a draft over REST or GraphQL', async (_who, token) => {
    const asReader = token()
    const list = await client.request('GET', '/api/blogs?limit=100', { token: asReader })
    expect(list.text).not.toContain(draftTitle)
    const withDraftParam = await client.request('GET', '/api/blogs?draft=true&limit=100', {
      token: asReader,
    })
    expect(withDraftParam.text).not.toContain(draftTitle)
    const byId = await client.request('GET', `/api/blogs/${draftId}?draft=true`, {
      token: asReader,
    })
    expect(byId.status).toBe(404)
    const versions = await client.request('GET', '/api/blogs/versions', { token: asReader })
    expect(versions.text).not.toContain(draftTitle)
    const gql = await client.graphql(
      `{ Blogs(draft: true, limit: 100) { docs { title } } Blog(id: ${draftId}, draft: true) { title } }`,
      asReader,
    )
    expect(gql.text).not.toContain(draftTitle)
  })

  test('staff see the draft, and once an editor publishes it the public sees it', async () => {
    const asModerator = await client.request('GET', `/api/blogs/${draftId}?draft=true`, {
      token: moderatorToken,
    })
    expect(asModerator.body.title).toBe(draftTitle)
    const published = await client.request('PATCH', `/api/blogs/${draftId}`, {
      token: editorToken,
      json: { _status: 'published' },
    })
    expect(published.status).toBe(200)
    expect(published.body.doc?.publishedAt).toEqual(expect.any(String))
    const publicView = await client.request('GET', `/api/blogs/${draftId}`)
    expect(publicView.status).toBe(200)
    expect(publicView.body.slug).toBe('secret-draft-about-a-sensitive-pilot')
  })
})

describe('CRUD by role over REST', () => {
  test.each(['blogs', 'interviews', 'events', 'lab-themes', 'evaluation-reports'])(
    '%s: editor creates and updates, member and public are refused, only admin deletes',
    async (collection) => {
      const data: Record<string, Record<string, unknown>> = {
        blogs: { title: 'CRUD blog', _status: 'published' },
        interviews: { title: 'CRUD interview', _status: 'published' },
        events: {
          title: 'CRUD event',
          startsAt: '2027-04-01T10:00:00Z',
          endsAt: '2027-04-01T11:00:00Z',
        },
        'lab-themes': { title: 'CRUD theme', year: 2028 },
        'evaluation-reports': {
          title: 'CRUD report',
          authorsOrganisation: 'RAND Europe',
          _status: 'published',
        },
      }
      expect(
        (await client.request('POST', `/api/${collection}`, { json: data[collection] })).status,
      ).toBe(403)
      expect(
        (
          await client.request('POST', `/api/${collection}`, {
            token: memberToken,
            json: data[collection],
          })
        ).status,
      ).toBe(403)
      const created = await client.request('POST', `/api/${collection}`, {
        token: editorToken,
        json: data[collection],
      })
      expect(created.status).toBe(201)
      const id = created.body.doc?.id
      const updated = await client.request('PATCH', `/api/${collection}/${id}`, {
        token: editorToken,
        json: { title: 'CRUD edited' },
      })
      expect(updated.status).toBe(200)
      expect((await client.request('GET', `/api/${collection}/${id}`)).body.title).toBe(
        'CRUD edited',
      )
      expect(
        (
          await client.request('PATCH', `/api/${collection}/${id}`, {
            token: memberToken,
            json: { title: 'x' },
          })
        ).status,
      ).toBe(403)
      expect(
        (await client.request('DELETE', `/api/${collection}/${id}`, { token: editorToken })).status,
      ).toBe(403)
      expect(
        (await client.request('DELETE', `/api/${collection}/${id}`, { token: adminToken })).status,
      ).toBe(200)
      expect((await client.request('GET', `/api/${collection}/${id}`)).status).toBe(404)
    },
  )
})

describe('members and personal data', () => {
  test('members log in at /api/members/login and read their own profile', async () => {
    const me = await client.request('GET', '/api/members/me', { token: memberToken })
    expect(me.status).toBe(200)
    expect(me.body.user?.email).toBe('http.member@example.org')
  })

  test('a member updates their own profile but not another member, and cannot set joinedAt', async () => {
    const own = await client.request('PATCH', `/api/members/${memberId}`, {
      token: memberToken,
      json: { bio: 'Improving flow in community nursing', joinedAt: '2001-01-01T00:00:00.000Z' },
    })
    expect(own.status).toBe(200)
    expect(own.body.doc?.bio).toBe('Improving flow in community nursing')
    expect(own.body.doc?.joinedAt).not.toBe('2001-01-01T00:00:00.000Z')
    const others = await client.request(
      'GET',
      '/api/members?where[email][equals]=amara.okafor@example.org',
      { token: adminToken },
    )
    const otherId = others.body.docs?.[0]?.id
    const other = await client.request('PATCH', `/api/members/${otherId}`, {
      token: memberToken,
      json: { bio: 'hijacked' },
    })
    expect(other.status).toBe(403)
  })

  test('a member cannot make themself staff', async () => {
    const asUsers = await client.request('PATCH', `/api/users/${memberId}`, {
      token: memberToken,
      json: { roles: ['admin'] },
    })
    expect(asUsers.status).toBe(403)
    const staffList = await client.request('GET', '/api/users', { token: memberToken })
    expect(staffList.status).toBe(403)
  })

  test('no member email, bio or opted-out member reaches the public, over REST or GraphQL', async () => {
    const rest = await client.request('GET', '/api/members?limit=100&depth=1')
    expect(rest.status).toBe(200)
    expect(rest.text).not.toMatch(/@example\.org/)
    expect(rest.text).not.toContain('"bio"')
    expect(rest.text).not.toMatch(/"sessions":\[\{/) // login sessions stay private
    expect(rest.text).not.toContain('Sophie Turner') // opted out of the directory in the seed
    expect(rest.body.docs?.length).toBeGreaterThanOrEqual(10)
    const gql = await client.graphql('{ Members(limit: 100) { docs { name email bio } } }')
    expect(gql.text).not.toMatch(/@example\.org/)
    expect(gql.text).not.toContain('Sophie Turner')
    const interview = await client.request('GET', '/api/interviews?depth=2')
    expect(interview.text).not.toMatch(/@example\.org/)
  })

  test('events show onlineUrl to members but not to the public', async () => {
    const slug = 'welcome-to-q-online-march-2027'
    const publicView = await client.request('GET', `/api/events?where[slug][equals]=${slug}`)
    expect(publicView.body.docs?.[0]).not.toHaveProperty('onlineUrl')
    const memberView = await client.request('GET', `/api/events?where[slug][equals]=${slug}`, {
      token: memberToken,
    })
    expect(memberView.body.docs?.[0]?.onlineUrl).toMatch(/^https:\/\//)
  })
})

describe('uploads', () => {
  const upload = (file: Blob, name: string, alt?: string, token = editorToken) => {
    const form = new FormData()
    form.append('file', file, name)
    if (alt !== undefined) form.append('_payload', JSON.stringify({ alt }))
    return client.request('POST', '/api/media', { token, body: form })
  }

  test('an image upload produces the thumbnail, card and hero sizes', async () => {
    const png = await sharp({
      create: { width: 2000, height: 1200, channels: 3, background: '#1c6f8c' },
    })
      .png()
      .toBuffer()
    const response = await upload(
      new Blob([new Uint8Array(png)], { type: 'image/png' }),
      'wide.png',
      'A teal rectangle',
    )
    expect(response.status).toBe(201)
    const sizes = response.body.doc?.sizes as Record<
      string,
      { width: number; height: number; url: string }
    >
    expect(sizes.thumbnail).toMatchObject({ width: 300, height: 300 })
    expect(sizes.card).toMatchObject({ width: 768, height: 432 })
    expect(sizes.hero.width).toBe(1600)
    // A file no published document uses yet is for staff only (see test/media).
    const file = await fetch(sizes.card.url, { headers: { Authorization: `JWT ${editorToken}` } })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
  })

  test('a PDF upload is accepted', async () => {
    const pdf = makeReportPdf('A test report')
    const response = await upload(
      new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
      'report.pdf',
      'A report',
    )
    expect(response.status).toBe(201)
    expect(response.body.doc?.mimeType).toBe('application/pdf')
  })

  test('other MIME types are refused with 400 naming the file', async () => {
    const response = await upload(
      new Blob(['#!/bin/sh\necho hi\n'], { type: 'text/x-shellscript' }),
      'script.sh',
      'A script',
    )
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toMatch(/file/i)
  })

  test('alt text is required', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    const response = await upload(
      new Blob([new Uint8Array(png)], { type: 'image/png' }),
      'no-alt.png',
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('alt')
  })

  test('a member or the public cannot upload', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    expect(
      (
        await upload(
          new Blob([new Uint8Array(png)], { type: 'image/png' }),
          'm.png',
          'x',
          memberToken,
        )
      ).status,
    ).toBe(403)
  })
})

describe('bad input gets a clear 4xx naming the field, and writes nothing', () => {
  const countBlogs = async () =>
    (await client.request('GET', '/api/blogs?limit=0&draft=true', { token: adminToken })).body
      .totalDocs

  test.each([
    ['missing title', 'blogs', { excerpt: 'no title', _status: 'published' }, 'title'],
    [
      'duplicate slug',
      'blogs',
      { title: 'Another', slug: 'what-are-we-learning-together', _status: 'published' },
      'slug',
    ],
    [
      'slug that normalises to nothing',
      'blogs',
      { title: 'Bad slug', slug: '!!!', _status: 'published' },
      'slug',
    ],
    [
      'endsAt before startsAt',
      'events',
      { title: 'Backwards', startsAt: '2027-05-02T10:00:00Z', endsAt: '2027-05-01T10:00:00Z' },
      'endsAt',
    ],
    [
      'unknown enum value',
      'events',
      {
        title: 'Hybrid',
        startsAt: '2027-05-02T10:00:00Z',
        endsAt: '2027-05-02T11:00:00Z',
        attendanceMode: 'hybrid',
      },
      'attendanceMode',
    ],
    [
      'unknown time zone',
      'events',
      {
        title: 'Where',
        startsAt: '2027-05-02T10:00:00Z',
        endsAt: '2027-05-02T11:00:00Z',
        timeZone: 'Mars/Olympus',
      },
      'timeZone',
    ],
    [
      'non-http registration URL',
      'events',
      {
        title: 'Link',
        startsAt: '2027-05-02T10:00:00Z',
        endsAt: '2027-05-02T11:00:00Z',
        registrationUrl: 'javascript:alert(1)',
      },
      'registrationUrl',
    ],
    ['year out of range', 'lab-themes', { title: 'Old', year: 1999 }, 'year'],
    [
      'report file that is not a PDF',
      'evaluation-reports',
      {
        title: 'Bad file',
        authorsOrganisation: 'RAND Europe',
        reportFile: 999999,
        _status: 'published',
      },
      'reportFile',
    ],
  ])('%s → 400 naming %s', async (_case, collection, data, field) => {
    const before = await countBlogs()
    const response = await client.request('POST', `/api/${collection}`, {
      token: editorToken,
      json: data,
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
    expect(response.text).not.toMatch(/stack|at \w+ \(/)
    expect(await countBlogs()).toBe(before)
  })

  test('malformed JSON → 400', async () => {
    const response = await client.request('POST', '/api/blogs', {
      token: editorToken,
      body: '{"title": "unterminated',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toMatch(/JSON/i)
  })

  test('oversized body → 413 naming the body', async () => {
    const response = await client.request('POST', '/api/blogs', {
      token: editorToken,
      json: { title: 'Huge', excerpt: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(response.status).toBe(413)
    expect(errorPaths(response.body)).toContain('body')
  })

  test('a hand-written slug is normalised to lowercase words and hyphens', async () => {
    const response = await client.request('POST', '/api/blogs', {
      token: editorToken,
      json: { title: 'Any', slug: 'Spread & Scale: Wales!' },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc?.slug).toBe('spread-scale-wales')
  })

  test('an id beyond what the database holds is not found, not a database error', async () => {
    for (const path of [
      '/api/blogs/2147483648',
      '/api/events/2147483648.ics',
      '/api/events/99999999999',
    ]) {
      const response = await client.request('GET', path)
      expect(response.status).toBe(404)
    }
  })

  test('unknown where field → 400 naming it', async () => {
    const response = await client.request('GET', '/api/blogs?where[nonexistent][equals]=1')
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('nonexistent')
  })

  test('an excerpt over its length → 400 naming it', async () => {
    const response = await client.request('POST', '/api/blogs', {
      token: editorToken,
      json: { title: 'Long', excerpt: 'x'.repeat(501) },
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('excerpt')
  })
})

describe('GraphQL', () => {
  test('serves every collection', async () => {
    const response = await client.graphql(
      '{ Blogs { totalDocs } Interviews { totalDocs } Events { totalDocs } LabThemes { totalDocs } EvaluationReports { totalDocs } Members { totalDocs } allMedia { totalDocs } }',
    )
    expect(response.status).toBe(200)
    expect(response.body.errors).toBeUndefined()
    expect(Object.keys(response.body.data ?? {})).toHaveLength(7)
  })

  // GraphQL over HTTP: a refused query is 200 with `errors` for application/json clients and 400
  // for clients that accept application/graphql-response+json; never data, never a 500.
  test('a query deeper than the configured limit is refused with a clear error', async () => {
    const query = '{ Blogs { docs { heroImage { sizes { card { url } } } } } }'
    const response = await client.graphql(query)
    expect(response.status).toBe(200)
    expect(response.body.data).toBeUndefined()
    expect(response.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 4/)
    const modern = await client.request('POST', '/api/graphql', {
      json: { query },
      headers: { Accept: 'application/graphql-response+json' },
    })
    expect(modern.status).toBe(400)
  })

  test('a query over the cost limit is refused with a clear error', async () => {
    const fields = Array.from(
      { length: 40 },
      (_, index) => `b${index}: Blogs(limit: 5) { docs { title } }`,
    ).join(' ')
    const response = await client.graphql(`{ ${fields} }`)
    expect(response.body.data).toBeUndefined()
    // The root-field limit (test/reads) refuses these 40 aliases too; the complexity error is among the errors.
    expect(response.body.errors?.map((error) => error.message).join('\n')).toMatch(/complexity/i)
    expect(response.status).toBe(200)
  })
})

describe('login rate limit', () => {
  test('repeated logins from one address get 429 with a clear message', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 45 && !statuses.includes(429); attempt++) {
      const response = await client.request('POST', '/api/members/login', {
        json: { email: 'nobody@example.org', password: 'wrong' },
      })
      statuses.push(response.status)
      if (response.status === 429) expect(response.body.errors?.[0]?.message).toMatch(/too many/i)
    }
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
  })
})
