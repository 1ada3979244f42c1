/**
 * Feeds, calendars and the sitemap over HTTP, on one server (the built host on a copy of the seeded
 * database, read cache on): what readers and crawlers get, that drafts, emails and members-only
 * links never reach them, validators and 304s (from the cache for anonymous readers; from the
 * endpoints themselves for readers with a login, the same path every read takes with the cache off),
 * and calendar times read back with node-ical across GMT and BST.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ical, { type VEvent } from 'node-ical'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { validateJSONFeed } from './fixtures/jsonFeedSchema'

let server: RunningServer
let client: ReturnType<typeof api>
let adminToken: string
let memberToken: string
let adminId: number
let host: string

const PASSWORD = 'a-long-test-password'
const HIDDEN_EMAIL = 'hidden.author@example.org'
const MEMBER_EMAIL = 'calendar.member@example.org'
const DRAFT_TITLE = 'Syndication draft marker'
const ONLINE_URL = 'https://meet.example.org/q-members-only'
const FEED_EXTENSIONS = ['xml', 'atom', 'json'] as const
const FEED_NAMES = ['blogs', 'interviews', 'evaluation-reports', 'all'] as const

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'category'].includes(name),
})

const events: Record<string, number> = {}
let publishedBlogSlug: string

const create = async (collection: string, json: Record<string, unknown>) => {
  const response = await client.request('POST', `/api/${collection}`, { token: adminToken, json })
  expect(response.status).toBe(201)
  return response.body.doc as { id: number; slug: string }
}

beforeAll(async () => {
  server = await startServer('syndication', { SITEMAP_MAX_URLS: '3' })
  client = api(server.url)
  host = new URL(server.url).hostname
  const login = await client.request('POST', '/api/users/login', {
    json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  })
  adminToken = login.body.token as string
  adminId = (login.body.user as { id: number }).id
  await create('members', {
    name: 'Calendar Member',
    email: MEMBER_EMAIL,
    password: PASSWORD,
    profession: 'nurse',
    region: 'wales',
  })
  memberToken = await client.login('members', MEMBER_EMAIL, PASSWORD)
  const hidden = await create('members', {
    name: 'Hidden Author',
    email: HIDDEN_EMAIL,
    password: PASSWORD,
    profession: 'nurse',
    region: 'wales',
    directoryVisible: false,
  })

  publishedBlogSlug = (
    await create('blogs', {
      title: 'Syndicated by staff',
      excerpt: 'An excerpt for feeds',
      topics: ['patient-safety'],
      author: { relationTo: 'users', value: adminId },
      _status: 'published',
    })
  ).slug
  await create('blogs', {
    title: 'Syndicated by a hidden member',
    author: { relationTo: 'members', value: hidden.id },
    _status: 'published',
  })
  await create('blogs', { title: DRAFT_TITLE, _status: 'draft' })

  const event = (title: string, data: Record<string, unknown>) =>
    create('events', { title, timeZone: 'Europe/London', attendanceMode: 'in-person', ...data })
  events.gmt = (
    await event('Winter meet-up', {
      startsAt: '2027-01-15T18:00:00.000Z',
      endsAt: '2027-01-15T20:00:00.000Z',
      region: 'scotland',
    })
  ).id
  events.bst = (
    await event('Summer meet-up', {
      startsAt: '2027-07-15T17:00:00.000Z',
      endsAt: '2027-07-15T19:00:00.000Z',
      attendanceMode: 'online',
      onlineUrl: ONLINE_URL,
    })
  ).id
  events.newYork = (
    await event('Transatlantic call', {
      timeZone: 'America/New_York',
      startsAt: '2027-03-01T14:00:00.000Z',
      endsAt: '2027-03-01T15:00:00.000Z',
      status: 'cancelled',
    })
  ).id
  events.past = (
    await event('Long gone', {
      startsAt: '2020-01-01T10:00:00.000Z',
      endsAt: '2020-01-01T11:00:00.000Z',
    })
  ).id
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('feeds', () => {
  it('answers all twelve feeds, valid, published only, names and never emails', async () => {
    for (const name of FEED_NAMES)
      for (const extension of FEED_EXTENSIONS) {
        const response = await client.request('GET', `/api/feeds/${name}.${extension}`)
        expect(response.status).toBe(200)
        const type = {
          xml: 'application/rss+xml',
          atom: 'application/atom+xml',
          json: 'application/feed+json',
        }[extension]
        expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`)
        expect(response.headers.get('etag')).toBeTruthy()
        expect(response.headers.get('cache-control')).toMatch(/^public/)
        expect(response.text).not.toContain(DRAFT_TITLE)
        expect(response.text).not.toContain(HIDDEN_EMAIL)
        expect(response.text).not.toContain(ADMIN_EMAIL)
        expect(response.text).not.toContain('Hidden Author')
        if (extension === 'json') {
          expect(validateJSONFeed(response.body)).toBe(true)
          continue
        }
        expect(XMLValidator.validate(response.text)).toBe(true)
        if (extension === 'xml') {
          const channel = xml.parse(response.text).rss.channel
          expect(channel.title && channel.description !== undefined).toBeTruthy()
          expect(channel['atom:link']['@_href']).toBe(`${server.url}/api/feeds/${name}.xml`)
        } else {
          const feed = xml.parse(response.text).feed
          expect(feed.id && feed.title && feed.updated).toBeTruthy()
        }
      }
  })

  it('carries bylines, topics, links and the report PDF', async () => {
    const rss = xml.parse((await client.request('GET', '/api/feeds/all.xml')).text).rss.channel
    const blog = rss.item.find((item: { title: string }) => item.title === 'Syndicated by staff')
    expect(blog).toMatchObject({
      'dc:creator': 'Q Admin',
      category: ['Patient safety'],
      description: 'An excerpt for feeds',
    })
    expect(blog.link).toBe(`${server.url}/blogs/${publishedBlogSlug}`)
    const hidden = rss.item.find(
      (item: { title: string }) => item.title === 'Syndicated by a hidden member',
    )
    expect(hidden['dc:creator']).toBeUndefined()
    const report = rss.item.find((item: { enclosure?: unknown }) => item.enclosure)
    expect(report.enclosure['@_type']).toBe('application/pdf')
    expect(Number(report.enclosure['@_length'])).toBeGreaterThan(0)
    const pdf = await fetch(report.enclosure['@_url'])
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
  })

  it('revalidates: 304 for If-None-Match (with and without a login) and, from the read cache, If-Modified-Since', async () => {
    for (const token of [undefined, adminToken]) {
      const first = await client.request('GET', '/api/feeds/blogs.atom', { token })
      const etag = first.headers.get('etag') as string
      const lastModified = first.headers.get('last-modified') as string
      expect(lastModified).toMatch(/GMT$/)
      expect(first.headers.get('cache-control')).toMatch(token ? /^private, no-store$/ : /^public/)
      const byTag = await client.request('GET', '/api/feeds/blogs.atom', {
        token,
        headers: { 'If-None-Match': etag },
      })
      expect(byTag.status).toBe(304)
      expect(byTag.text).toBe('')
      const byDate = await client.request('GET', '/api/feeds/blogs.atom', {
        token,
        headers: { 'If-Modified-Since': lastModified },
      })
      // Anonymous copies come from the read cache, which dates each body; answers made for a
      // login are revalidated by ETag only.
      expect(byDate.status).toBe(token ? 200 : 304)
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString()
      expect(
        (
          await client.request('GET', '/api/feeds/blogs.atom', {
            token,
            headers: { 'If-Modified-Since': older },
          })
        ).status,
      ).toBe(200)
    }
  })

  it('an unpublished item is not kept alive by If-Modified-Since, even within the same second', async () => {
    const probe = await create('blogs', { title: 'Withdrawn soon', _status: 'published' })
    const first = await client.request('GET', '/api/feeds/blogs.json')
    expect(first.text).toContain('Withdrawn soon')
    const lastModified = first.headers.get('last-modified') as string
    const unpublished = await client.request('PATCH', `/api/blogs/${probe.id}`, {
      token: adminToken,
      json: { _status: 'draft' },
    })
    expect(unpublished.status).toBe(200)
    const again = await client.request('GET', '/api/feeds/blogs.json', {
      headers: { 'If-Modified-Since': lastModified },
    })
    expect(again.status).toBe(200)
    expect(again.text).not.toContain('Withdrawn soon')
    expect(Date.parse(again.headers.get('last-modified') as string)).toBeGreaterThan(
      Date.parse(lastModified),
    )
  })

  it('anonymous feeds, calendars and the sitemap are kept by the read cache', async () => {
    const hits = async () =>
      Number(
        (await client.request('GET', '/api/read-cache/stats', { token: adminToken })).body.hits,
      )
    const paths = [
      '/api/feeds/all.xml',
      '/api/events.ics',
      `/api/events/${events.bst}.ics`,
      '/api/sitemap.xml',
    ]
    for (const path of paths) await client.request('GET', path)
    const before = await hits()
    for (const path of paths) {
      const response = await client.request('GET', path)
      expect(response.status).toBe(200)
      // The cache's own ETag and Cache-Control; the endpoint's Last-Modified is kept.
      expect(response.headers.get('vary')).toContain('Accept-Encoding')
      if (path !== '/api/sitemap.xml') expect(response.headers.get('last-modified')).toBeTruthy()
    }
    expect((await hits()) - before).toBe(paths.length)
  })

  it('refuses query parameters a document does not take, naming them (no cache key per variant)', async () => {
    for (const path of [
      '/api/feeds/blogs.xml?nocache=1',
      '/api/sitemap.xml?page=2',
      '/api/events.ics?region=wales&x=1',
    ]) {
      const response = await client.request('GET', path)
      expect(response.status).toBe(400)
      expect(response.body.errors?.[0].field).toBe(
        path.includes('x=1') ? 'x' : path.split('?')[1].split('=')[0],
      )
    }
  })

  it('refuses unknown feeds with 404 and the shared error body', async () => {
    for (const path of ['/api/feeds/members.xml', '/api/feeds/blogs.rss', '/api/feeds/blogs']) {
      const response = await client.request('GET', path)
      expect(response.status).toBe(404)
      expect(response.body.errors?.[0].message).toBeTruthy()
    }
  })
})

const calendar = async (path: string, token?: string) => {
  const response = await client.request('GET', path, { token })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[\w.-]+\.ics"$/)
  const parsed = ical.sync.parseICS(response.text)
  const entry = (id: number): VEvent | undefined => {
    const found = parsed[`event-${id}@${host}`]
    return found?.type === 'VEVENT' ? found : undefined
  }
  return { response, entry, text: response.text }
}

describe('calendars', () => {
  it('lists upcoming events in their own time zones, across GMT and BST', async () => {
    const { entry, text, response } = await calendar('/api/events.ics')
    expect(response.headers.get('cache-control')).toMatch(/^public/)
    expect(entry(events.gmt)?.start.toISOString()).toBe('2027-01-15T18:00:00.000Z')
    expect(text).toContain('DTSTART;TZID=Europe/London:20270115T180000')
    expect(entry(events.bst)?.start.toISOString()).toBe('2027-07-15T17:00:00.000Z')
    expect(text).toContain('DTSTART;TZID=Europe/London:20270715T180000')
    expect(entry(events.newYork)?.start.toISOString()).toBe('2027-03-01T14:00:00.000Z')
    expect(text).toContain('DTSTART;TZID=America/New_York:20270301T090000')
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/)
    expect(entry(events.newYork)?.status).toBe('CANCELLED')
    expect(entry(events.gmt)?.status).toBe('CONFIRMED')
    expect(entry(events.past)).toBeUndefined()
    expect(text).not.toContain(ONLINE_URL)
  })

  it('gives members and staff the online link, privately', async () => {
    for (const token of [memberToken, adminToken]) {
      const { text, response } = await calendar('/api/events.ics', token)
      expect(text).toContain(ONLINE_URL)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
    }
    expect((await calendar(`/api/events/${events.bst}.ics`, memberToken)).text).toContain(
      ONLINE_URL,
    )
    expect((await calendar(`/api/events/${events.bst}.ics`)).text).not.toContain(ONLINE_URL)
  })

  it('filters by region, and names region when it is not one', async () => {
    const { entry } = await calendar('/api/events.ics?region=scotland')
    expect(entry(events.gmt)).toBeDefined()
    expect(entry(events.bst)).toBeUndefined()
    const bad = await client.request('GET', '/api/events.ics?region=atlantis')
    expect(bad.status).toBe(400)
    expect(bad.body.errors?.[0].field).toBe('region')
  })

  it('answers one event by id, 404 for others, and the JSON by-id read still works', async () => {
    const { entry, text } = await calendar(`/api/events/${events.gmt}.ics`)
    expect(entry(events.gmt)?.summary).toBe('Winter meet-up')
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    for (const path of ['/api/events/99999999.ics', '/api/events/abc.ics'])
      expect((await client.request('GET', path)).status).toBe(404)
    expect((await client.request('GET', `/api/events/${events.gmt}`)).body.title).toBe(
      'Winter meet-up',
    )
  })

  it('raises SEQUENCE when what a calendar shows changes, and only the server sets it', async () => {
    const sequence = async () =>
      Number((await calendar(`/api/events/${events.gmt}.ics`)).entry(events.gmt)?.sequence)
    const patch = async (json: Record<string, unknown>) =>
      expect(
        (await client.request('PATCH', `/api/events/${events.gmt}`, { token: adminToken, json }))
          .status,
      ).toBe(200)
    expect(await sequence()).toBe(0)
    await patch({ startsAt: '2027-01-15T19:00:00.000Z', sequence: 40 })
    expect(await sequence()).toBe(1)
    await patch({ capacity: 30 })
    expect(await sequence()).toBe(1)
    await patch({ status: 'cancelled' })
    expect(await sequence()).toBe(2)
  })
})

describe('sitemap', () => {
  it('is an index of files of at most SITEMAP_MAX_URLS published URLs, members left out', async () => {
    const index = await client.request('GET', '/api/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(XMLValidator.validate(index.text)).toBe(true)
    const files: string[] = xml
      .parse(index.text)
      .sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc)
    expect(files[0]).toBe(`${server.url}/api/sitemaps/1.xml`)
    const urls: { loc: string; lastmod: string }[] = []
    for (const file of files) {
      const page = await client.request('GET', new URL(file).pathname)
      expect(page.status).toBe(200)
      expect(XMLValidator.validate(page.text)).toBe(true)
      const set: { loc: string; lastmod: string }[] = xml.parse(page.text).urlset.url ?? []
      expect(set.length).toBeLessThanOrEqual(3)
      urls.push(...set)
    }
    const locs = urls.map((url) => url.loc)
    expect(locs).toContain(`${server.url}/blogs/${publishedBlogSlug}`)
    expect(locs).toContain(`${server.url}/events/winter-meet-up`)
    expect(locs.some((loc) => loc.includes('/members/'))).toBe(false)
    expect(locs.some((loc) => loc.includes('syndication-draft-marker'))).toBe(false)
    expect(urls.every((url) => !Number.isNaN(Date.parse(url.lastmod)))).toBe(true)
    expect((await client.request('GET', `/api/sitemaps/${files.length + 1}.xml`)).status).toBe(404)
  })
})
