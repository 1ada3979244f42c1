import {
  lastFullMonth,
  type LogRow,
  median,
  monthRange,
  monthsUpTo,
  summariseTransparency,
} from '@plugins/comment-moderation/rules/transparency'

const NOW = new Date('2026-12-07T12:00:00.000Z')

test.each<[number[], number | null]>([
  [[], null],
  [[5], 5],
  [[9, 1, 5], 5],
  [[1, 2, 3, 10], 2.5],
  [[0, 0], 0],
])('median of %p is %p', (values, expected) => {
  expect(median(values)).toBe(expected)
})

test.each<[string, [string, string] | null]>([
  ['2026-11', ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']],
  ['2026-12', ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']],
  ['2000-01', ['2000-01-01T00:00:00.000Z', '2000-02-01T00:00:00.000Z']],
  ['1999-12', null],
  ['2027-01', null],
  ['2026-13', null],
  ['2026-00', null],
  ['2026-1', null],
  ['2026-11-01', null],
  ['', null],
])('month %p → %p', (month, expected) => {
  const range = monthRange(month, NOW)
  expect(range && [range.from.toISOString(), range.to.toISOString()]).toEqual(expected)
})

test('the default month is the last full one; a year of months ends with the given one', () => {
  expect(lastFullMonth(NOW)).toBe('2026-11')
  expect(lastFullMonth(new Date('2027-01-15T00:00:00Z'))).toBe('2026-12')
  expect(monthsUpTo('2026-03', 4)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03'])
  expect(monthsUpTo('2026-11', 12)).toHaveLength(12)
})

const row = (
  comment: string,
  from: string | null,
  to: string,
  source: string,
  decidedAt: string,
  extra: Partial<LogRow> = {},
): LogRow => ({ comment, from, to, source, clauses: [], rules: [], decidedAt, ...extra })
const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 10, day, hour, minute)).toISOString()

describe('summariseTransparency', () => {
  const monthRows: LogRow[] = [
    // Held on posting, decided 30 and 90 minutes later; one safeguarding hold decided in 10.
    row('1', null, 'pending', 'rules', at(2, 9), { rules: ['first-comment'], clauses: ['1'] }),
    row('1', 'pending', 'approved', 'moderator', at(2, 9, 30)),
    row('2', null, 'pending', 'rules', at(3, 9), { rules: ['held-term'], clauses: ['3'] }),
    row('2', 'pending', 'rejected', 'moderator', at(3, 10, 30), { clauses: ['3'] }),
    row('3', null, 'pending', 'rules', at(4, 9), { rules: ['safeguarding'], clauses: ['7'] }),
    row('3', 'pending', 'approved', 'moderator', at(4, 9, 10)),
    // Held at the end of the month, decided in the next one (laterRows): 24 hours.
    row('4', null, 'pending', 'rules', at(30, 12), { rules: ['first-comment'], clauses: ['1'] }),
    // Approved straight away: not held.
    row('5', null, 'approved', 'rules', at(5, 9)),
    // An appeal filed and overturned, another filed and upheld.
    row('2', 'rejected', 'pending', 'appeal', at(6, 9), { clauses: ['3'] }),
    row('2', 'pending', 'approved', 'appeal', at(7, 9), { clauses: ['3'] }),
    row('6', 'rejected', 'pending', 'appeal', at(8, 9)),
    row('6', 'pending', 'spam', 'appeal', at(8, 10)),
    // Hidden by reports: one then rejected (upheld), one approved (not upheld), one waiting.
    row('5', 'approved', 'pending', 'reports', at(10, 9), { clauses: ['2'] }),
    row('5', 'pending', 'rejected', 'moderator', at(10, 12)),
    row('7', 'approved', 'pending', 'reports', at(11, 9)),
    row('7', 'pending', 'approved', 'moderator', at(11, 10)),
    row('8', 'approved', 'pending', 'reports', at(12, 9)),
  ]
  const report = summariseTransparency({
    month: '2026-11',
    commentsReceived: 6,
    reportsReceived: 9,
    monthRows,
    laterRows: [row('4', 'pending', 'approved', 'moderator', '2026-12-01T12:00:00.000Z')],
  })

  test('decisions by status and clause, most frequent first', () => {
    expect(report.commentsReceived).toBe(6)
    expect(report.decisions.total).toBe(monthRows.length)
    expect(report.decisions.byStatus).toEqual([
      { status: 'pending', count: 9 },
      { status: 'approved', count: 5 },
      { status: 'rejected', count: 2 },
      { status: 'spam', count: 1 },
    ])
    expect(report.decisions.byClause).toEqual([
      { clause: '3', count: 4 },
      { clause: '1', count: 2 },
      { clause: '2', count: 1 },
      { clause: '7', count: 1 },
    ])
  })

  test('median minutes from a hold to the first human decision, the safeguarding lane apart', () => {
    // 30, 90, 10 and 1440 minutes → median 60.
    expect(report.timeToDecision.allHeld).toEqual({ held: 4, decided: 4, medianMinutes: 60 })
    expect(report.timeToDecision.safeguarding).toEqual({ held: 1, decided: 1, medianMinutes: 10 })
  })

  test('appeals and reports with their outcomes', () => {
    expect(report.appeals).toEqual({ filed: 2, overturned: 1, upheld: 1 })
    expect(report.reports).toEqual({
      received: 9,
      commentsHidden: 3,
      upheld: 1,
      notUpheld: 1,
      awaitingDecision: 1,
    })
  })

  test('held comments not yet decided count as held, not decided; nothing held → no median', () => {
    const waiting = summariseTransparency({
      month: '2026-11',
      commentsReceived: 1,
      reportsReceived: 0,
      monthRows: [row('9', null, 'pending', 'rules', at(2, 9))],
      laterRows: [],
    })
    expect(waiting.timeToDecision.allHeld).toEqual({ held: 1, decided: 0, medianMinutes: null })
    expect(JSON.stringify(waiting)).not.toContain('"9"')
  })
})
