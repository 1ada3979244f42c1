/**
 * Unbounded reads, tried from the outside: the built app behind the express host, on the demo
 * content. Anyone but staff reads in pages of at most 100, at depth at most 2; GraphQL counts the
 * documents a query would read and refuses an over-cost one before it runs.
 */
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>
let adminToken: string
let memberToken: string

const PASSWORD = 'a-long-test-password'

beforeAll(async () => {
  // The read cache off: these limits hold for reads that reach Payload every time.
  server = await startServer('reads', { READ_CACHE: 'off' })
  client = api(server.url)
  adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const member = await client.request('POST', '/api/members', {
    token: adminToken,
    json: {
      name: 'Reads Member',
      email: 'reads.member@example.org',
      password: PASSWORD,
      profession: 'nurse',
      region: 'wales',
    },
  })
  expect(member.status).toBe(201)
  memberToken = await client.login('members', 'reads.member@example.org', PASSWORD)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`

describe('REST reads by anyone but staff', () => {
  const refused: [string, string][] = [
    ['/api/blogs?limit=101', 'limit'],
    ['/api/blogs?limit=0', 'limit'],
    ['/api/blogs?limit=ten', 'limit'],
    ['/api/blogs?pagination=false', 'pagination'],
    ['/api/blogs?depth=3', 'depth'],
    ['/api/comments?limit=0', 'limit'],
    ['/api/comments?pagination=false&limit=0', 'pagination'],
    ['/api/events?limit=1000', 'limit'],
    ['/api/members?limit=500', 'limit'],
    ['/api/blogs/versions?pagination=false', 'pagination'],
    ['/api/blogs/versions?limit=0', 'limit'],
    ['/api/comments?joins[history][limit]=0', 'joins'],
  ]
  describe.each([
    ['anonymous', () => undefined],
    ['a member', () => memberToken],
  ])('%s', (_reader, token) => {
    test.each(refused)('GET %s → 400 naming %s', async (path, field) => {
      const response = await client.request('GET', path, { token: token() })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toContain(field)
    })

    test('pages of up to 100 at depth up to 2 are served, relationships populated', async () => {
      const response = await client.request('GET', '/api/blogs?limit=100&depth=2', {
        token: token(),
      })
      expect(response.status).toBe(200)
      const blog = response.body.docs?.find((doc) => doc.heroImage)
      expect(blog?.heroImage).toEqual(expect.objectContaining({ url: expect.any(String) }))
      expect((await client.request('GET', '/api/blogs/count', { token: token() })).status).toBe(200)
      expect(
        (await client.request('GET', '/api/comments?limit=100&depth=1', { token: token() })).status,
      ).toBe(200)
    })
  })

  test.each([
    '/api/blogs?depth=1&limit=10',
    '/api/blogs?where[slug][equals]=what-are-we-learning-together',
    '/api/events?where[region][equals]=scotland&sort=startsAt',
    '/api/comments/thread?collection=blogs&id=1',
    '/api/members/directory?limit=20&page=1',
  ])('the README request GET %s still answers 200', async (path) => {
    expect((await client.request('GET', path)).status).toBe(200)
    expect((await client.request('GET', path, { token: memberToken })).status).toBe(200)
  })

  test('a depth beyond 2 is refused on a single document too', async () => {
    const id = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
    const response = await client.request('GET', `/api/blogs/${id}?depth=5`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('depth')
  })

  test('staff keep full power: every comment at once, deeper population', async () => {
    for (const path of [
      '/api/comments?limit=0',
      '/api/comments?pagination=false',
      '/api/blogs?depth=4&limit=500',
      '/api/blogs/versions?limit=0',
    ]) {
      const response = await client.request('GET', path, { token: adminToken })
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
    }
  })

  test("custom endpoints keep their own limits (the directory's)", async () => {
    const response = await client.request('GET', '/api/members/directory?limit=101')
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('limit')
  })
})

describe('GraphQL cost', () => {
  test('240 aliases of Blogs(limit: 100) are refused before they run, naming the limits', async () => {
    const response = await client.graphql(
      aliases(240, 'Blogs(limit: 100) { docs { title content } }'),
    )
    expect(response.status).toBe(200)
    expect(response.body.data).toBeUndefined()
    const messages = (response.body.errors ?? []).map((error) => error.message).join('\n')
    expect(messages).toMatch(
      /240 root fields \(aliases included\); the limit is 20 per request \(GRAPHQL_MAX_ROOT_FIELDS\)/,
    )
    expect(messages).toMatch(
      /could read up to 24000 documents; the limit is 1000 per request \(GRAPHQL_MAX_DOCUMENTS\)/,
    )
    const modern = await client.request('POST', '/api/graphql', {
      json: { query: aliases(240, 'Blogs(limit: 100) { docs { title content } }') },
      headers: { Accept: 'application/graphql-response+json' },
    })
    expect(modern.status).toBe(400)
  })

  test('240 aliases of Comments(limit: 0) are refused, for members too', async () => {
    const response = await client.graphql(
      aliases(240, 'Comments(limit: 0) { docs { body } }'),
      memberToken,
    )
    expect(response.body.data).toBeUndefined()
    expect(response.body.errors?.map((error) => error.extensions?.limit)).toEqual(
      expect.arrayContaining(['GRAPHQL_MAX_ROOT_FIELDS', 'GRAPHQL_MAX_DOCUMENTS']),
    )
  })

  test('nested relationships count: 100 blogs with hero image, author and avatar is 400 documents; three such pages are too many', async () => {
    const page =
      'Blogs(limit: 100) { docs { title heroImage { url } author { value { ... on Member { name avatar { url } } } } } }'
    const one = await client.graphql(`{ ${page} }`)
    expect(one.body.errors).toBeUndefined()
    expect((one.body.data?.Blogs as { docs: unknown[] }).docs.length).toBeGreaterThan(0)
    const three = await client.graphql(aliases(3, page))
    expect(three.body.data).toBeUndefined()
    expect(three.body.errors?.[0]).toEqual(
      expect.objectContaining({
        extensions: expect.objectContaining({ limit: 'GRAPHQL_MAX_DOCUMENTS', actual: 1200 }),
      }),
    )
  })

  test('limits given as variables count as their values', async () => {
    const query = `query ($n: Int) ${aliases(11, 'Blogs(limit: $n) { docs { title } }')}`
    expect((await client.graphql(query, undefined, { n: 5 })).body.errors).toBeUndefined()
    const refused = await client.graphql(query, undefined, { n: 100 })
    expect(refused.body.errors?.[0]?.message).toMatch(/1100 documents/)
  })

  test('the README queries still work', async () => {
    const response = await client.graphql(
      '{ Blogs(limit: 5) { docs { title slug authorName heroImage { alt sizes { card { url } } } } } }',
    )
    expect(response.body.errors).toBeUndefined()
    expect((response.body.data?.Blogs as { docs: unknown[] }).docs.length).toBeGreaterThan(0)
  })

  test('limit: 0 and pagination: false on one list are refused as over REST, naming the argument', async () => {
    for (const args of ['limit: 0', 'pagination: false', 'limit: 101']) {
      const response = await client.graphql(`{ Comments(${args}) { docs { body } } }`)
      expect(response.body.data?.Comments ?? null).toBeNull()
      expect(response.body.errors?.[0]?.message).toMatch(/limit|pagination/)
    }
  })

  test('a rich-text depth beyond 2 is refused', async () => {
    const response = await client.graphql('{ Blogs(limit: 1) { docs { content(depth: 3) } } }')
    expect(response.body.data).toBeUndefined()
    expect(response.body.errors?.[0]?.message).toBe('depth must be at most 2 (API_MAX_DEPTH).')
  })

  test('staff keep full power', async () => {
    const response = await client.graphql(
      `{ Comments(limit: 0) { docs { id } } ${aliases(25, 'Events(limit: 1) { docs { title } }').slice(1)}`,
      adminToken,
    )
    expect(response.body.errors).toBeUndefined()
  })
})

describe('GET /api/comments/stats', () => {
  test.each([
    ['from=2025-01-01&to=2026-06-01', 'from'],
    ['from=2000-01-01', 'from'],
    ['from=2024-01-01&to=2025-01-01', 'from'],
  ])('%s (more than 366 days) → 400 naming %s', async (query, field) => {
    const response = await client.request('GET', `/api/comments/stats?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
  })

  test('a whole year, leap years included, is counted', async () => {
    for (const query of ['from=2025-11-01&to=2026-11-01', 'from=2024-01-01&to=2024-12-31']) {
      const response = await client.request('GET', `/api/comments/stats?${query}`)
      expect({ query, status: response.status }).toEqual({ query, status: 200 })
    }
  })

  test('answers are cached briefly: the same question gets the same answer, "now" included', async () => {
    const [first, ...concurrent] = await Promise.all(
      Array.from({ length: 5 }, () => client.request('GET', '/api/comments/stats')),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    const later = await client.request('GET', '/api/comments/stats')
    expect(first.status).toBe(200)
    // Without the cache each answer's `to` would be its own moment.
    for (const response of [...concurrent, later]) expect(response.body).toEqual(first.body)
  })
})

describe('READ_CACHE=off', () => {
  test('public reads are answered by Payload each time, without cache headers, and the figures say off', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await client.request('GET', '/api/blogs?limit=2')
      expect(response.status).toBe(200)
      expect(response.headers.get('etag')).toBeNull()
      expect(response.headers.get('cache-control') ?? '').not.toContain('public')
    }
    const stats = await client.request('GET', '/api/read-cache/stats', { token: adminToken })
    expect(stats.status).toBe(200)
    expect(stats.body).toEqual({ enabled: false })
  })
})
