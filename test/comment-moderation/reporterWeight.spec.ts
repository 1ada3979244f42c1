import {
  REPORTER_WEIGHT,
  reporterWeight,
  reportsHide,
} from '@plugins/comment-moderation/rules/reporterWeight'

describe('a report weighs what its reporter’s record earns', () => {
  test.each<[string, number, number, number]>([
    ['a new reporter', 0, 0, 1],
    ['one upheld, one not', 1, 1, 1],
    ['one not upheld', 0, 1, 0.86],
    ['one upheld', 1, 0, 1.14],
    ['two upheld', 2, 0, 1.25],
    ['two not upheld', 0, 2, 0.75],
    ['three not upheld', 0, 3, 0.67],
    ['six not upheld', 0, 6, 0.5],
    ['eighteen not upheld: the floor', 0, 18, 0.25],
    ['many not upheld: still the floor', 0, 50, REPORTER_WEIGHT.floor],
    ['five upheld: not yet the cap', 5, 0, 1.45],
    ['six upheld: the cap', 6, 0, 1.5],
    ['many upheld: still the cap', 40, 0, REPORTER_WEIGHT.cap],
    ['mostly upheld', 8, 2, 1.38],
    ['mostly not upheld', 2, 8, 0.63],
    ['negative counts are read as none', -3, -1, 1],
  ])('%s (%i upheld, %i not) → %d', (_case, upheld, notUpheld, weight) => {
    expect(reporterWeight({ upheld, notUpheld })).toBe(weight)
  })
})

describe('reports hide a comment once their weights reach reportsToHide', () => {
  test.each<[string, number[], number, boolean]>([
    ['three new reporters, threshold 3', [1, 1, 1], 3, true],
    ['two new reporters, threshold 3', [1, 1], 3, false],
    ['three members with a record of rejected reports', [0.25, 0.25, 0.25], 3, false],
    ['twelve members at the floor', Array(12).fill(0.25), 3, true],
    ['two trusted reporters', [1.5, 1.5], 3, true],
    ['float sums: 0.67 × 3 + 1', [0.67, 0.67, 0.67, 1], 3, true],
    ['no reports', [], 1, false],
  ])('%s → %s', (_case, weights, reportsToHide, hidden) => {
    expect(reportsHide(weights, reportsToHide)).toBe(hidden)
  })
})
