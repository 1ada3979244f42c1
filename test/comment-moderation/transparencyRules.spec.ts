import { summariseDecisions } from '@plugins/comment-moderation/endpoints/stats'
import {
  lastFullMonth,
  type LogRow,
  median,
  monthRange,
  monthsUpTo,
  SAFEGUARDING_MIN_PUBLISHED,
  summariseTransparency,
  type TransparencyReport,
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
    complete: true,
    safeguardingClause: '7',
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
    ])
  })

  test('median minutes from a hold to the first human decision, the safeguarding lane apart', () => {
    // 30, 90, 10 and 1440 minutes → median 60.
    expect(report.timeToDecision.allHeld).toEqual({ held: 4, decided: 4, medianMinutes: 60 })
    // One hold in the lane is too few to publish (its clause left the clause counts above).
    expect(report.timeToDecision.safeguarding).toEqual({
      held: null,
      decided: null,
      medianMinutes: null,
      withheld: true,
    })
  })

  describe('the safeguarding lane is published for a finished month with enough holds', () => {
    const laneRows = Array.from({ length: SAFEGUARDING_MIN_PUBLISHED }, (_, index) => [
      row(`s${index}`, null, 'pending', 'rules', at(14 + index, 9), {
        rules: ['safeguarding'],
        clauses: ['7'],
      }),
      row(`s${index}`, 'pending', 'approved', 'moderator', at(14 + index, 9, 5 + index), {
        rules: ['moderator', 'safeguarding'],
        clauses: ['1', '7'],
      }),
    ]).flat()
    const lane = (complete: boolean, rows: LogRow[]) =>
      summariseTransparency({
        month: '2026-11',
        complete,
        safeguardingClause: '7',
        commentsReceived: rows.length / 2,
        reportsReceived: 0,
        monthRows: rows,
        laterRows: [],
      })
    const clause = (report: TransparencyReport, number: string) =>
      report.decisions.byClause.find((row) => row.clause === number)?.count

    test.each([
      ['a finished month with enough holds', true, laneRows, false],
      ['the month still running', false, laneRows, true],
      ['one hold fewer', true, laneRows.slice(2), true],
    ])('%s → withheld %s', (_name, complete, rows, withheld) => {
      const report = lane(complete, rows)
      expect(report.timeToDecision.safeguarding.withheld).toBe(withheld)
      expect(report.timeToDecision.safeguarding.held).toBe(
        withheld ? null : SAFEGUARDING_MIN_PUBLISHED,
      )
      // The lane's clause goes with its figures; the moderators' own clause stays.
      expect(clause(report, '7')).toBe(withheld ? undefined : 2 * SAFEGUARDING_MIN_PUBLISHED)
      expect(clause(report, '1')).toBe(rows.length / 2)
    })

    test('published: the median wait of the lane', () => {
      expect(lane(true, laneRows).timeToDecision.safeguarding).toEqual({
        held: 5,
        decided: 5,
        medianMinutes: 7,
        withheld: false,
      })
    })
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
      complete: false,
      safeguardingClause: '6',
      commentsReceived: 1,
      reportsReceived: 0,
      monthRows: [row('9', null, 'pending', 'rules', at(2, 9))],
      laterRows: [],
    })
    expect(waiting.timeToDecision.allHeld).toEqual({ held: 1, decided: 0, medianMinutes: null })
    expect(JSON.stringify(waiting)).not.toContain('"9"')
  })
})

describe('public decision counts (GET /api/comments/stats) never show the safeguarding lane', () => {
  const rows = [
    {
      to: 'pending',
      source: 'rules',
      rules: ['safeguarding', 'blocked-term'],
      clauses: ['6', '2'],
    },
    {
      to: 'approved',
      source: 'moderator',
      rules: ['moderator', 'safeguarding'],
      clauses: ['1', '6'],
    },
    { to: 'rejected', source: 'moderator', rules: ['moderator'], clauses: ['6'] },
  ]
  const withheld = { rule: 'safeguarding', clause: '6' }

  test('the lane’s rule and, on its own decisions, its clause are left out; the rest is counted', () => {
    const stats = summariseDecisions(rows, withheld)
    expect(stats.total).toBe(3)
    expect(stats.byRule).toEqual([
      { rule: 'moderator', count: 2 },
      { rule: 'blocked-term', count: 1 },
    ])
    // A moderator citing clause 6 on a comment outside the lane is still counted.
    expect(stats.byClause).toEqual([
      { clause: '1', count: 1 },
      { clause: '2', count: 1 },
      { clause: '6', count: 1 },
    ])
  })

  test('without a withheld rule everything is counted', () => {
    expect(summariseDecisions(rows).byRule).toContainEqual({ rule: 'safeguarding', count: 2 })
  })
})
