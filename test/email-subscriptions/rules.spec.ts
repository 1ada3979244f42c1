/** The pure rules of the subscriptions plugin: when a save announces, digest timing and selection, leases. */
import { MANAGE_TOKEN_PLACEHOLDER } from '@plugins/email-subscriptions/constants'
import { personalise } from '@plugins/email-subscriptions/email/send'
import {
  digestItemsFor,
  digestPeriod,
  isDigestDue,
  latestScheduledRun,
} from '@plugins/email-subscriptions/rules/digest'
import {
  becomesPublished,
  excerptOf,
  publicationMailingKey,
} from '@plugins/email-subscriptions/rules/firstPublication'
import { isLeaseExpired, leaseAfterFailure } from '@plugins/email-subscriptions/rules/lease'
import { createEmailRateLimit } from '@plugins/email-subscriptions/utilities/emailRateLimit'
import { subscriberStats } from '@plugins/email-subscriptions/utilities/subscriberStats'
import { memoryWindowCounter } from '@plugins/shared/sharedState'

describe('becomesPublished', () => {
  test.each([
    // operation, hasDrafts, status, previousStatus, expected
    ['create', true, 'published', undefined, true],
    ['create', true, 'draft', undefined, false],
    ['update', true, 'published', 'draft', true], // draft → published, or a scheduled publish firing
    ['update', true, 'published', 'published', false], // a later edit
    ['update', true, 'draft', 'published', false], // unpublishing, or a draft of a published document
    ['create', false, undefined, undefined, true], // no drafts: published when created
    ['update', false, undefined, undefined, false],
  ] as const)(
    '%s (drafts: %s) %s after %s → %s',
    (operation, hasDrafts, status, previousStatus, expected) => {
      expect(becomesPublished({ operation, hasDrafts, status, previousStatus })).toBe(expected)
    },
  )

  test('one announcement key per document', () => {
    expect(publicationMailingKey('blogs', 7)).toBe(publicationMailingKey('blogs', '7'))
    expect(publicationMailingKey('blogs', 7)).not.toBe(publicationMailingKey('events', 7))
  })
})

describe('excerptOf', () => {
  test('takes the excerpt, else the summary, collapsing whitespace', () => {
    expect(excerptOf({ excerpt: '  Two\n\nlines  ', summary: 'ignored' })).toBe('Two lines')
    expect(excerptOf({ summary: 'A summary' })).toBe('A summary')
    expect(excerptOf({ title: 'no text fields' })).toBe('')
  })

  test('cuts long text at a word with an ellipsis', () => {
    const text = 'word '.repeat(100)
    const cut = excerptOf({ excerpt: text }, 50)
    expect(cut.length).toBeLessThanOrEqual(51)
    expect(cut.endsWith('word…')).toBe(true)
  })
})

describe('digest schedule (Monday 08:00 Europe/London)', () => {
  const schedule = { cron: '0 8 * * 1', timeZone: 'Europe/London' }

  test.each([
    // In winter London is UTC+0; in summer UTC+1, so 08:00 there is 07:00Z.
    ['2026-11-30T09:15:00Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T07:59:00Z', '2026-11-23T08:00:00.000Z'],
    ['2026-07-06T07:30:00Z', '2026-07-06T07:00:00.000Z'],
    ['2026-12-02T12:00:00Z', '2026-11-30T08:00:00.000Z'],
  ])('at %s the latest run was %s', (now, expected) => {
    expect(latestScheduledRun(schedule, new Date(now))?.toISOString()).toBe(expected)
  })

  const monday = new Date('2026-11-30T08:00:00Z')
  test.each([
    ['just fired, no digest yet', true, monday, new Date('2026-11-30T08:01:00Z'), null],
    ['already covered', false, monday, new Date('2026-11-30T08:01:00Z'), monday],
    [
      'covered by a manual digest after it',
      false,
      monday,
      new Date('2026-11-30T09:00:00Z'),
      new Date('2026-11-30T08:30:00Z'),
    ],
    [
      'a later manual digest covered an older period only',
      true,
      monday,
      new Date('2026-11-30T09:00:00Z'),
      new Date('2026-11-27T10:00:00Z'),
    ],
    [
      'server down at 08:00, up the same day',
      true,
      monday,
      new Date('2026-11-30T20:00:00Z'),
      new Date('2026-11-23T08:00:00Z'),
    ],
    [
      'too old: a fresh install does not send last week’s',
      false,
      monday,
      new Date('2026-12-02T09:00:00Z'),
      null,
    ],
  ] as const)('%s → due: %s', (_label, expected, latestRun, now, lastDigestEnd) => {
    expect(isDigestDue({ latestRun, now, lastDigestEnd })).toBe(expected)
  })

  test('a period runs from the previous digest, at most seven days back', () => {
    expect(digestPeriod(monday, new Date('2026-11-23T08:00:00Z')).start.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    )
    expect(digestPeriod(monday, new Date('2026-11-27T10:00:00Z')).start.toISOString()).toBe(
      '2026-11-27T10:00:00.000Z',
    )
    expect(digestPeriod(monday, null).start.toISOString()).toBe('2026-11-23T08:00:00.000Z')
    expect(digestPeriod(monday, new Date('2026-10-01T00:00:00Z')).start.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    )
  })
})

describe('digestItemsFor', () => {
  const items = [
    { key: 'a', topic: 'blogs', publishedAt: new Date('2026-11-24') },
    { key: 'b', topic: 'events', publishedAt: new Date('2026-11-26') },
    { key: 'c', topic: 'blogs', publishedAt: new Date('2026-11-25') },
  ]

  test("the subscriber's topics only, newest first", () => {
    expect(digestItemsFor({ id: '1', topics: ['blogs'] }, items).map((item) => item.key)).toEqual([
      'c',
      'a',
    ])
    expect(digestItemsFor({ id: '1', topics: ['interviews'] }, items)).toEqual([])
  })

  test('an audience rule leaves out subscribers it does not allow', () => {
    const allowed = new Map([['b', new Set(['2'])]])
    expect(
      digestItemsFor({ id: '1', topics: ['events', 'blogs'] }, items, allowed).map(
        (item) => item.key,
      ),
    ).toEqual(['c', 'a'])
    expect(
      digestItemsFor({ id: '2', topics: ['events'] }, items, allowed).map((item) => item.key),
    ).toEqual(['b'])
  })
})

describe('leases', () => {
  const now = new Date('2026-11-26T10:00:00Z')
  test('expired when missing or in the past', () => {
    expect(isLeaseExpired(null, now)).toBe(true)
    expect(isLeaseExpired('2026-11-26T09:59:59Z', now)).toBe(true)
    expect(isLeaseExpired('2026-11-26T10:00:01Z', now)).toBe(false)
  })

  test('after a failure the lease covers the backoff before the next attempt', () => {
    // Attempt 3 waits 5 s × 2² = 20 s, plus the 300 s claim timeout.
    expect(leaseAfterFailure(now, 3, 5000, 300).toISOString()).toBe('2026-11-26T10:05:20.000Z')
  })
})

test('personalise puts the token everywhere the placeholder was', () => {
  const email = {
    subject: 's',
    html: `<a href="x?token=${MANAGE_TOKEN_PLACEHOLDER}">`,
    text: `x?token=${MANAGE_TOKEN_PLACEHOLDER} y?token=${MANAGE_TOKEN_PLACEHOLDER}`,
  }
  const token = 'T'.repeat(43)
  expect(personalise(email, token)).toEqual({
    subject: 's',
    html: `<a href="x?token=${token}">`,
    text: `x?token=${token} y?token=${token}`,
  })
})

describe('subscriberStats', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
  const rows = [
    {
      status: 'confirmed',
      frequency: 'instant',
      topics: ['blogs', 'events'],
      confirmedAt: daysAgo(30),
    },
    { status: 'confirmed', frequency: 'weekly', topics: ['blogs'], confirmedAt: daysAgo(3) },
    { status: 'pending', frequency: 'instant', topics: ['blogs'] },
    {
      status: 'unsubscribed',
      frequency: 'weekly',
      topics: ['events'],
      confirmedAt: daysAgo(60),
      unsubscribedAt: daysAgo(10),
    },
    { status: 'suppressed', frequency: 'instant', topics: ['events'], confirmedAt: daysAgo(40) },
  ]
  const stats = subscriberStats(rows, ['blogs', 'events', 'interviews'], now, 10)

  test('counts by status, and confirmed ones by topic and frequency', () => {
    expect(stats.total).toBe(5)
    expect(stats.byStatus).toEqual({ pending: 1, confirmed: 2, unsubscribed: 1, suppressed: 1 })
    expect(stats.byTopic).toEqual({
      blogs: { instant: 1, weekly: 1 },
      events: { instant: 1, weekly: 0 },
      interviews: { instant: 0, weekly: 0 },
    })
  })

  test('growth: confirmed by each week’s end, less those unsubscribed by then', () => {
    expect(stats.growth).toHaveLength(10)
    expect(stats.growth.at(-1)).toEqual({ at: '2026-11-26', confirmed: 2 })
    // Two weeks ago: the 30-day one, the 40-day (later suppressed) one, and the 60-day one (unsubscribed 10 days ago).
    expect(stats.growth.at(-3)).toEqual({ at: '2026-11-12', confirmed: 3 })
    expect(stats.growth[0]).toEqual({ at: '2026-09-24', confirmed: 0 })
  })
})

describe('createEmailRateLimit', () => {
  test('allows max requests per address per window, then says how long to wait', async () => {
    let now = 0
    const limit = createEmailRateLimit(
      2,
      60,
      memoryWindowCounter(() => now),
    )
    expect([
      await limit.hit('a@example.org'),
      await limit.hit('a@example.org'),
      await limit.hit('b@example.org'),
    ]).toEqual([0, 0, 0])
    now = 15_000
    expect(await limit.hit('a@example.org')).toBe(45)
    now = 60_000
    expect(await limit.hit('a@example.org')).toBe(0)
  })
})
