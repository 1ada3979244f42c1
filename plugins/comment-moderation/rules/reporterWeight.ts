/** A reporter's track record: their reports a moderator later upheld, and those not upheld. */
export type ReporterRecord = { upheld: number; notUpheld: number }

/** The bounds of a report's weight: a poor record never silences a reporter, a good one never rules alone. */
export const REPORTER_WEIGHT = { floor: 0.25, cap: 1.5 } as const

/**
 * How much one report counts toward `reportsToHide`:
 *
 *   weight = clamp(2 × (upheld + 1) / (upheld + notUpheld + 2), 0.25, 1.5)
 *
 * The fraction is the reporter's upheld rate, Laplace-smoothed (one upheld and one not upheld
 * assumed), so a new reporter has a rate of ½ and a weight of exactly 1, and a record of one or two
 * reports moves it only a little. Mostly rejected reports sink towards 0.25 (four such members
 * count as one ordinary reporter); mostly upheld ones rise to 1.5. Rounded to two decimals so sums
 * read plainly.
 */
export const reporterWeight = ({ upheld, notUpheld }: ReporterRecord): number => {
  const up = Math.max(0, upheld)
  const down = Math.max(0, notUpheld)
  const rate = (up + 1) / (up + down + 2)
  const weight = Math.min(REPORTER_WEIGHT.cap, Math.max(REPORTER_WEIGHT.floor, 2 * rate))
  return Math.round(weight * 100) / 100
}

/** Reports hide a comment once their weights reach `reportsToHide` (a tiny tolerance for float sums). */
export const reportsHide = (weights: readonly number[], reportsToHide: number): boolean =>
  weights.reduce((sum, weight) => sum + weight, 0) >= reportsToHide - 1e-9
