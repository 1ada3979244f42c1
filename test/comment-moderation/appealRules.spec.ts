import {
  type AppealableComment,
  appealOutcome,
  appealReason,
  appealRefusal,
  mayDecideAppeal,
  withinAppealWindow,
} from '@plugins/comment-moderation/rules/appeal'

const NOW = new Date('2026-12-07T12:00:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()
const comment = (overrides: Partial<AppealableComment> = {}): AppealableComment => ({
  status: 'rejected',
  authorId: '7',
  rejectedAt: daysAgo(1),
  appealedAt: null,
  ...overrides,
})

describe('appealRefusal', () => {
  test.each<[string, AppealableComment | null, string, ReturnType<typeof appealRefusal>]>([
    ['their rejected comment, a day later', comment(), '7', null],
    ['on the last day of the window', comment({ rejectedAt: daysAgo(14) }), '7', null],
    ['no such comment', null, '7', 'not-found'],
    ["another member's comment", comment(), '8', 'not-found'],
    ["a guest's comment", comment({ authorId: null }), '7', 'not-found'],
    [
      'appealed already (even if rejected again)',
      comment({ appealedAt: daysAgo(0) }),
      '7',
      'already-appealed',
    ],
    ['an approved comment', comment({ status: 'approved' }), '7', 'not-rejected'],
    ['a pending comment', comment({ status: 'pending' }), '7', 'not-rejected'],
    ['spam', comment({ status: 'spam' }), '7', 'not-rejected'],
    ['a day after the window', comment({ rejectedAt: daysAgo(15) }), '7', 'window-closed'],
    [
      "someone else's old comment is still not found",
      comment({ rejectedAt: daysAgo(400) }),
      '8',
      'not-found',
    ],
  ])('%s → %s', (_case, candidate, memberId, expected) => {
    expect(appealRefusal(candidate, memberId, NOW, 14)).toBe(expected)
  })
})

test.each<[number, number, boolean]>([
  [0, 1, true],
  [1, 1, true],
  [1.01, 1, false],
  [29, 30, true],
])('rejected %s days ago, window %s days → open %s', (days, window, open) => {
  expect(withinAppealWindow(daysAgo(days), NOW, window)).toBe(open)
})

test.each<[unknown, string | null]>([
  ['  A fair reason, trimmed  ', 'A fair reason, trimmed'],
  ['ten chars!', 'ten chars!'],
  ['nine char', null],
  ['          ', null],
  ['x'.repeat(2000), 'x'.repeat(2000)],
  ['x'.repeat(2001), null],
  [42, null],
  [undefined, null],
])('appeal reason %p → %p', (value, expected) => {
  expect(appealReason(value)).toBe(expected)
})

test.each([
  ['approved', 'overturned'],
  ['rejected', 'upheld'],
  ['spam', 'upheld'],
  ['pending', null],
] as const)('a moderator setting %s decides the appeal: %s', (to, outcome) => {
  expect(appealOutcome(to)).toBe(outcome)
})

test.each<[string | null, string | null, boolean]>([
  ['2', '1', true],
  ['1', '1', false],
  ['1', null, true],
  [null, null, true],
])('moderator %p deciding an appeal of a rejection by %p → %p', (moderator, rejectedBy, may) => {
  expect(mayDecideAppeal(moderator, rejectedBy)).toBe(may)
})
