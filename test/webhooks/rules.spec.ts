import { Webhook } from 'standardwebhooks'

import { PUBLICATION_STATUS } from '../../src/webhooks/constants'
import { isPrivateAddress, webhookURLProblem } from '../../src/webhooks/rules/addresses'
import { eventType, webhookEventFor, webhookWants } from '../../src/webhooks/rules/events'
import { abandonedDeliveries, expiredDeliveries } from '../../src/webhooks/rules/maintenance'
import { buildWebhookPayload } from '../../src/webhooks/rules/payload'
import { generateWebhookSecret, isValidWebhookSecret } from '../../src/webhooks/rules/secret'
import { signDelivery } from '../../src/webhooks/sign'

const { published, draft, deleted } = PUBLICATION_STATUS

describe('webhookEventFor: which public change fires which event', () => {
  test.each([
    ['created published', undefined, published, true, 'publish'],
    ['created as a draft', undefined, draft, true, undefined],
    ['draft → published (also a scheduled publish)', draft, published, true, 'publish'],
    ['published → draft', published, draft, true, 'unpublish'],
    ['published saved again', published, published, true, 'update'],
    ['a draft saved again', draft, draft, true, undefined],
    ['a draft or autosave over a published document', published, draft, false, undefined],
    ['a published document deleted', published, deleted, true, 'delete'],
    ['a never-published draft deleted', draft, deleted, true, undefined],
  ] as const)('%s → %s', (_name, before, after, publicWrite, expected) => {
    expect(webhookEventFor({ before, after, publicWrite })).toBe(expected)
  })

  test('event types name the collection', () => {
    expect(eventType('lab-themes', 'unpublish')).toBe('lab-themes.unpublished')
    expect(eventType('blogs', 'delete')).toBe('blogs.deleted')
  })
})

describe('webhookWants: matching a webhook to an event', () => {
  const hook = { active: true, events: ['publish', 'delete'], collections: ['blogs'] }
  test.each([
    ['its event and collection', hook, 'blogs', 'publish', true],
    ['another event', hook, 'blogs', 'update', false],
    ['another collection', hook, 'events', 'publish', false],
    ['no collections chosen means all', { ...hook, collections: [] }, 'events', 'publish', true],
    ['inactive', { ...hook, active: false }, 'blogs', 'publish', false],
  ] as const)('%s → %s', (_name, webhook, collection, event, expected) => {
    expect(webhookWants(webhook, collection, event)).toBe(expected)
  })
})

describe('isPrivateAddress and webhookURLProblem: no requests into the CMS’s own network', () => {
  test.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['[::1]', true],
    ['not-an-address', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
    ['2a00:1450:4001:81c::200e', false],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['198.18.0.1', true],
    // IPv4-compatible (::/96), as `http://[::127.0.0.1]/` normalises to.
    ['::7f00:1', true],
    ['::127.0.0.1', true],
    ['::a00:1', true],
    // IPv4-mapped (::ffff:0:0/96) and RFC 6145 (::ffff:0:0:0/96), even of a public address.
    ['::ffff:8.8.8.8', true],
    ['::ffff:0:a00:1', true],
    // NAT64, well-known and local-use prefixes.
    ['64:ff9b::a00:1', true],
    ['64:ff9b::808:808', true],
    ['64:ff9b:1::a00:1', true],
    // Teredo, 6to4 (both embed an IPv4 address), documentation.
    ['2001::1', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['2002:7f00:1::', true],
    ['2002:a00:1::1', true],
    ['2001:db8::1', true],
    // Site-local (deprecated), discard-only, unique-local, multicast.
    ['fec0::1', true],
    ['100::1', true],
    ['fc00::1', true],
    ['ff02::1', true],
    ['fe80::1%eth0', true],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected)
  })

  test.each([
    ['https://example.org/hooks', false, undefined],
    ['http://example.org:8080/x?token=1', false, undefined],
    ['ftp://example.org/', false, 'Must be an http(s) URL.'],
    ['javascript:alert(1)', false, 'Must be an http(s) URL.'],
    ['/relative', false, 'Must be an absolute http(s) URL.'],
    ['', false, 'A URL is required.'],
    ['https://user:pw@example.org/', false, 'Must not contain a user name or password.'],
    [
      'http://127.0.0.1:3000/',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    ['http://[::1]/', false, 'Must not point at a loopback, private or link-local address.'],
    [
      'http://[::127.0.0.1]/',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    [
      'http://[::ffff:169.254.169.254]/',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    [
      'http://[64:ff9b::10.0.0.1]/',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    ['https://[2606:4700:4700::1111]/hooks', false, undefined],
    ['http://localhost/', false, 'Must not point at a loopback, private or link-local address.'],
    [
      'http://printer.local/',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    [
      'http://169.254.169.254/latest',
      false,
      'Must not point at a loopback, private or link-local address.',
    ],
    ['http://127.0.0.1:3000/', true, undefined],
  ] as const)('%s (private allowed: %s) → %s', (url, allowPrivate, expected) => {
    expect(webhookURLProblem(url, allowPrivate)).toBe(expected)
  })
})

describe('secrets and signatures (Standard Webhooks)', () => {
  test('a generated secret is valid, random and accepted by the reference library', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    expect(isValidWebhookSecret(secret)).toBe(true)
    expect(generateWebhookSecret()).not.toBe(secret)
    expect(() => new Webhook(secret)).not.toThrow()
  })

  test.each([
    [`whsec_${Buffer.alloc(24, 7).toString('base64')}`, true],
    [`whsec_${Buffer.alloc(64, 7).toString('base64')}`, true],
    [`whsec_${Buffer.alloc(16, 7).toString('base64')}`, false],
    [`whsec_${Buffer.alloc(65, 7).toString('base64')}`, false],
    [Buffer.alloc(32, 7).toString('base64'), false],
    ['whsec_not base64!', false],
  ])('isValidWebhookSecret(%s) → %s', (secret, expected) => {
    expect(isValidWebhookSecret(secret)).toBe(expected)
  })

  test('signed headers verify with the standardwebhooks package; a changed body does not', () => {
    const secret = generateWebhookSecret()
    const body = JSON.stringify({ type: 'blogs.published', timestamp: 'now', data: {} })
    const headers = signDelivery(secret, 'msg_1', body, new Date())
    expect(headers['webhook-id']).toBe('msg_1')
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/)
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow()
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow()
  })
})

describe('buildWebhookPayload: public facts only, from a whitelist', () => {
  const doc = {
    id: 7,
    title: 'What are we learning',
    slug: 'what-are-we-learning',
    publishedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    _status: 'published',
    onlineUrl: 'https://meet.example/secret-room',
    email: 'author@example.org',
    author: { relationTo: 'members', value: 3 },
    content: { root: {} },
  }

  test('the shape receivers get', () => {
    const payload = buildWebhookPayload({
      type: 'blogs.published',
      collection: 'blogs',
      doc,
      status: 'published',
      now: new Date('2026-11-28T00:00:00Z'),
    })
    expect(payload).toEqual({
      type: 'blogs.published',
      timestamp: '2026-11-28T00:00:00.000Z',
      data: {
        collection: 'blogs',
        id: 7,
        slug: 'what-are-we-learning',
        title: 'What are we learning',
        url: expect.stringMatching(/\/blogs\/what-are-we-learning$/),
        status: 'published',
        publishedAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-02T10:00:00.000Z',
      },
    })
    const text = JSON.stringify(payload)
    for (const secret of ['secret-room', 'author@example.org', 'relationTo', 'root'])
      expect(text).not.toContain(secret)
  })

  test('evaluation reports give their publishedDate; a document without slug links by id', () => {
    const payload = buildWebhookPayload({
      type: 'evaluation-reports.deleted',
      collection: 'evaluation-reports',
      doc: { id: 9, title: 'Report', publishedDate: '2026-10-01T00:00:00.000Z' },
      status: 'deleted',
      now: new Date(),
    })
    expect(payload.data).toMatchObject({
      slug: null,
      publishedAt: '2026-10-01T00:00:00.000Z',
      url: expect.stringMatching(/\/evaluation-reports\/9$/),
      status: 'deleted',
    })
  })
})

describe('buildWebhookPayload with what the public saw before the save', () => {
  const embargoed = {
    id: 7,
    title: 'Embargoed',
    slug: 'b',
    publishedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-03T10:00:00.000Z',
  }
  const previous = {
    status: published,
    title: 'Public title',
    slug: 'a',
    publishedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
  }

  test('an unpublication names the public page, never the draft it starts from', () => {
    const payload = buildWebhookPayload({
      type: 'blogs.unpublished',
      collection: 'blogs',
      doc: embargoed,
      status: draft,
      now: new Date(),
      previous,
    })
    expect(payload.data).toEqual({
      collection: 'blogs',
      id: 7,
      slug: 'a',
      title: 'Public title',
      url: expect.stringMatching(/\/blogs\/a$/),
      status: draft,
      publishedAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-03T10:00:00.000Z',
    })
    expect(JSON.stringify(payload)).not.toContain('Embargoed')
  })

  test.each([
    ['a moved slug adds the old page', previous, /\/blogs\/a$/],
    ['the same slug adds nothing', { ...previous, slug: 'b' }, undefined],
    ['a document that was not public adds nothing', { ...previous, status: draft }, undefined],
    ['unknown before adds nothing', undefined, undefined],
  ] as const)('a publication: %s', (_name, before, previousUrl) => {
    const { data } = buildWebhookPayload({
      type: 'blogs.updated',
      collection: 'blogs',
      doc: embargoed,
      status: published,
      now: new Date(),
      previous: before,
    })
    expect(data).toMatchObject({ slug: 'b', title: 'Embargoed' })
    if (previousUrl) expect(data).toHaveProperty('previousUrl', expect.stringMatching(previousUrl))
    else expect(data).not.toHaveProperty('previousUrl')
  })
})

describe('maintenance: abandoned claims and expired log rows', () => {
  const now = new Date('2026-11-28T12:00:00.000Z')
  test('a delivery claimed longer ago than the timeout and five minutes is abandoned', () => {
    expect(abandonedDeliveries(now, 10_000)).toEqual({
      and: [
        { taskSlug: { equals: 'deliverWebhook' } },
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: '2026-11-28T11:54:50.000Z' } },
      ],
    })
  })
  test('log rows older than the retention expire', () => {
    expect(expiredDeliveries(now, 30)).toEqual({
      createdAt: { less_than: '2026-10-29T12:00:00.000Z' },
    })
  })
})
