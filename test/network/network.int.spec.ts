/**
 * Directory, connections and network analysis over real HTTP against the express host, as the
 * public, members and staff.
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
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const PASSWORD = 'a-long-test-password'

beforeAll(async () => {
  server = await startServer('network')
  client = api(server.url)
  tokens.admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  for (const [name, region, profession] of [
    ['ana', 'wales', 'nurse'],
    ['ben', 'scotland', 'doctor'],
    ['cat', 'wales', 'nurse'],
  ] as const) {
    const email = `${name}@network.example.org`
    const created = await client.request('POST', '/api/members', {
      token: tokens.admin,
      json: {
        name: `Network ${name}`,
        email,
        password: PASSWORD,
        profession,
        region,
        bio: `${name} works on flow`,
      },
    })
    expect(created.status).toBe(201)
    ids[name] = created.body.doc?.id as number
    tokens[name] = await client.login('members', email, PASSWORD)
    // Network analysis is opt-in, and only the member can opt in.
    const optIn = await client.request('PATCH', `/api/members/${ids[name]}`, {
      token: tokens[name],
      json: { networkAnalysis: true },
    })
    expect(optIn.status).toBe(200)
  }
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const stats = async (query = '') => (await client.request('GET', `/api/network/stats${query}`)).body

describe('connections', () => {
  let requestId: number

  test('a member requests a connection in their own name', async () => {
    const response = await client.request('POST', '/api/connections', {
      token: tokens.ana,
      json: { to: ids.ben, from: ids.cat },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ status: 'pending', source: 'request' })
    expect((response.body.doc?.from as { id: number }).id ?? response.body.doc?.from).toBe(ids.ana)
    requestId = response.body.doc?.id as number
  })

  test.each<[string, () => Record<string, unknown>, () => string]>([
    ['a connection to oneself', () => ({ to: ids.ana }), () => tokens.ana],
    ['a connection to an unknown member', () => ({ to: 999_999 }), () => tokens.ana],
    ['a second connection between the same two', () => ({ to: ids.ben }), () => tokens.ana],
    ['the same pair the other way round', () => ({ to: ids.ana }), () => tokens.ben],
  ])('%s → 400 naming to', async (_case, body, token) => {
    const response = await client.request('POST', '/api/connections', {
      token: token(),
      json: body(),
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain('to')
  })

  test('only the recipient answers; the public cannot see connections', async () => {
    expect(
      (
        await client.request('PATCH', `/api/connections/${requestId}`, {
          token: tokens.cat,
          json: { status: 'accepted' },
        })
      ).status,
    ).toBeGreaterThanOrEqual(403)
    expect(
      (
        await client.request('PATCH', `/api/connections/${requestId}`, {
          token: tokens.ana,
          json: { status: 'accepted' },
        })
      ).status,
    ).toBeGreaterThanOrEqual(403)
    expect((await client.request('GET', '/api/connections')).status).toBe(403)
    const before = await stats()
    const accepted = await client.request('PATCH', `/api/connections/${requestId}`, {
      token: tokens.ben,
      json: { status: 'accepted' },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body.doc?.acceptedAt).toEqual(expect.any(String))
    // The cached figures are invalidated by the change.
    expect((await stats()).connections).toBe(Number(before.connections) + 1)
    const again = await client.request('PATCH', `/api/connections/${requestId}`, {
      token: tokens.ben,
      json: { status: 'declined' },
    })
    expect(again.status).toBe(400)
    expect(errorPaths(again.body)).toContain('status')
  })
})

describe('network figures', () => {
  test('stats today: aggregates only, consistent with each other', async () => {
    const today = await stats()
    expect(today.members).toBeGreaterThanOrEqual(14) // 11 seeded who agreed + 3 here
    expect(today.averageConnections).toBeCloseTo(
      (2 * Number(today.connections)) / Number(today.members),
      3,
    )
    expect(Object.keys(today).sort()).toEqual(
      [
        'at',
        'averageConnections',
        'components',
        'connections',
        'crossProfessionShare',
        'crossRegionShare',
        'density',
        'isolates',
        'largestComponentShare',
        'medianConnections',
        'members',
      ].sort(),
    )
    expect(JSON.stringify(today)).not.toMatch(/@|Network ana/)
  })

  test('time travel: before anyone joined there is no network', async () => {
    expect(await stats('?at=2000-01-01')).toMatchObject({
      at: '2000-01-01',
      members: 0,
      connections: 0,
    })
  })

  test('growth gives the same figures as a series', async () => {
    // The seeded community grows through 2025–26.
    const response = await client.request(
      'GET',
      '/api/network/growth?from=2025-06-01&to=2026-06-01&interval=month',
    )
    expect(response.status).toBe(200)
    const series = response.body.series as {
      at: string
      members: number
      averageConnections: number
    }[]
    expect(series.map((point) => point.at)).toHaveLength(13)
    expect(series[0].members).toBeLessThan(series[12].members)
    expect(series[0].averageConnections).toBeLessThan(series[12].averageConnections)
    expect(series[12]).toEqual(await stats('?at=2026-06-01'))
  })

  test.each([
    ['/api/network/stats?at=2026-02-30', 'at'],
    ['/api/network/stats?at=yesterday', 'at'],
    ['/api/network/growth?from=2026-05-01&to=2026-01-01', 'from'],
    ['/api/network/growth?interval=year', 'interval'],
    ['/api/network/growth?from=2000-01-01&to=2026-01-01&interval=week', 'interval'],
  ])('%s → 400 naming %s', async (path, field) => {
    const response = await client.request('GET', path)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
  })

  test('brokers and exports are for staff only', async () => {
    expect((await client.request('GET', '/api/network/brokers')).status).toBe(401)
    expect(
      (await client.request('GET', '/api/network/brokers', { token: tokens.ana })).status,
    ).toBe(403)
    expect((await client.request('GET', '/api/network/export', { token: tokens.ana })).status).toBe(
      403,
    )
    const tooMany = await client.request('GET', '/api/network/brokers?limit=0', {
      token: tokens.admin,
    })
    expect(tooMany.status).toBe(400)
    expect(errorPaths(tooMany.body)).toContain('limit')
    const brokers = await client.request('GET', '/api/network/brokers?limit=5', {
      token: tokens.admin,
    })
    expect(brokers.status).toBe(200)
    expect((brokers.body.brokers as unknown[]).length).toBeLessThanOrEqual(5)
  })

  test('the export is pseudonymised and leaves out members who opted out', async () => {
    const json = await client.request('GET', '/api/network/export?format=json', {
      token: tokens.admin,
    })
    expect(json.status).toBe(200)
    const nodes = json.body.nodes as { id: string; region: string; profession: string }[]
    const today = await stats()
    // Consenting, listed members only, and of those none in a region × profession group under k.
    expect(nodes.length).toBeGreaterThan(0)
    expect(nodes.length).toBeLessThanOrEqual(Number(today.members))
    const groups = new Map<string, number>()
    for (const node of nodes)
      groups.set(
        `${node.region}|${node.profession}`,
        (groups.get(`${node.region}|${node.profession}`) ?? 0) + 1,
      )
    expect(Math.min(...groups.values())).toBeGreaterThanOrEqual(5)
    expect(nodes.every((node) => /^[0-9a-f]{20}$/.test(node.id))).toBe(true)
    // Keyed per download: a second download cannot be linked to the first member by member.
    const again = await client.request('GET', '/api/network/export?format=json', {
      token: tokens.admin,
    })
    const firstIds = new Set(nodes.map((node) => node.id))
    expect((again.body.nodes as { id: string }[]).some((node) => firstIds.has(node.id))).toBe(false)
    expect(json.text).not.toMatch(/@|Sophie|Network ana|"name"/)
    const gexf = await client.request('GET', '/api/network/export?format=gexf', {
      token: tokens.admin,
    })
    expect(gexf.headers.get('content-type')).toContain('gexf')
    expect(gexf.text).toContain('<gexf')
    const bad = await client.request('GET', '/api/network/export?format=csv', {
      token: tokens.admin,
    })
    expect(bad.status).toBe(400)
    expect(errorPaths(bad.body)).toContain('format')
  })
})

describe('consent to network analysis', () => {
  const exportedIds = async () =>
    (
      (await client.request('GET', '/api/network/export?format=json', { token: tokens.admin })).body
        .nodes as { id: string }[]
    ).length

  test('a member who withdraws leaves every figure at once, with their connections', async () => {
    // ana–ben is accepted above; cat connects to ana through staff (an import-like write).
    const made = await client.request('POST', '/api/connections', {
      token: tokens.admin,
      json: { from: ids.cat, to: ids.ana, status: 'accepted' },
    })
    expect(made.status).toBe(201)
    const before = await stats()
    const nodesBefore = await exportedIds()
    const withdraw = await client.request('PATCH', `/api/members/${ids.ana}`, {
      token: tokens.ana,
      json: { networkAnalysis: false },
    })
    expect(withdraw.status).toBe(200)
    const after = await stats()
    expect(after.members).toBe(Number(before.members) - 1)
    // Both of ana's connections go, though ben and cat still agree.
    expect(after.connections).toBe(Number(before.connections) - 2)
    expect(await exportedIds()).toBe(nodesBefore - 1)
    const brokers = await client.request('GET', '/api/network/brokers?limit=50', {
      token: tokens.admin,
    })
    expect((brokers.body.brokers as { id: string }[]).map((broker) => broker.id)).not.toContain(
      String(ids.ana),
    )
    // Saying yes again brings them back.
    await client.request('PATCH', `/api/members/${ids.ana}`, {
      token: tokens.ana,
      json: { networkAnalysis: true },
    })
    expect((await stats()).members).toBe(before.members)
  })

  test('staff cannot opt a member in', async () => {
    const response = await client.request('PATCH', `/api/members/${ids.ben}`, {
      token: tokens.admin,
      json: { networkAnalysis: false },
    })
    expect(response.status).toBe(200)
    const ben = await client.request('GET', `/api/members/${ids.ben}`, { token: tokens.ben })
    expect(ben.body.networkAnalysis).toBe(true)
  })
})

describe('directory', () => {
  test('lists directory-visible members by name, searchable and filterable, without email', async () => {
    const response = await client.request('GET', '/api/members/directory?region=wales&limit=50')
    expect(response.status).toBe(200)
    const names = (response.body.docs ?? []).map((doc) => doc.name as string)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(names).toEqual(expect.arrayContaining(['Network ana', 'Network cat', 'Rhys Llewellyn']))
    expect(response.text).not.toMatch(/@|"bio"|"email"/)
    const search = await client.request('GET', '/api/members/directory?q=carolyn')
    expect(search.body.docs?.map((doc) => doc.name)).toEqual(['Carolyn Johnston'])
    const byTopic = await client.request(
      'GET',
      '/api/members/directory?topic=self-management&profession=nurse',
    )
    expect(byTopic.body.docs?.map((doc) => doc.name)).toEqual(['Amara Okafor'])
  })

  test('members who opted out never appear', async () => {
    const response = await client.request('GET', '/api/members/directory?q=sophie', {
      token: tokens.ana,
    })
    expect(response.body.docs).toEqual([])
  })

  test('logged-in members see bios and can search them; the public cannot', async () => {
    const asMember = await client.request('GET', '/api/members/directory?q=works%20on%20flow', {
      token: tokens.cat,
    })
    expect(asMember.body.docs?.map((doc) => doc.bio)).toEqual(
      expect.arrayContaining(['ana works on flow']),
    )
    const asPublic = await client.request('GET', '/api/members/directory?q=works%20on%20flow')
    expect(asPublic.body.docs).toEqual([])
  })

  test('pages', async () => {
    const first = await client.request('GET', '/api/members/directory?limit=5&page=1')
    const second = await client.request('GET', '/api/members/directory?limit=5&page=2')
    expect(first.body.docs).toHaveLength(5)
    expect(first.body.hasNextPage).toBe(true)
    expect(second.body.docs?.[0]?.name).not.toBe(first.body.docs?.[0]?.name)
  })

  test.each([
    ['region=atlantis', 'region'],
    ['profession=wizard', 'profession'],
    ['topic=alchemy', 'topic'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['page=-1', 'page'],
  ])('%s → 400 naming %s', async (query, field) => {
    const response = await client.request('GET', `/api/members/directory?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toContain(field)
  })
})
