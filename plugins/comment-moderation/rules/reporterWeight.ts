/** A reporter's track record: their reports a moderator later upheld, and those not upheld. */
export type ReporterRecord = { upheld: number; notUpheld: number }

/** The bounds of a report's weight: a poor record never silences a reporter, a good one never rules alone. */
export const REPORTER_WEIGHT = { floor: 0.25, cap: 1.5 } as const

/**
 * How much one report counts toward `reportsToHide`:
 *
 *   weight = clamp(2 × (upheld + 3) / (upheld + notUpheld + 6), 0.25, 1.5)
 *
 * The fraction is the reporter's upheld rate with a strong prior (three upheld and three not upheld
 * assumed), so a new reporter has a rate of ½ and a weight of exactly 1, and a short record moves it
 * only a little: two upheld reports earn 1.25, and the 1.5 cap takes six in a row, so a few quick
 * wins never let two members hide a comment on their own at the default 3. Three reports not upheld bring it to
 * 0.67, eighteen to the 0.25 floor (four such members count as one ordinary reporter). Rounded to
 * two decimals so sums read plainly.
 */
export const reporterWeight = ({ upheld, notUpheld }: ReporterRecord): number => {
  const up = Math.max(0, upheld)
  const down = Math.max(0, notUpheld)
  const rate = (up + 3) / (up + down + 6)
  const weight = Math.min(REPORTER_WEIGHT.cap, Math.max(REPORTER_WEIGHT.floor, 2 * rate))
  return Math.round(weight * 100) / 100
}

/** Reports hide a comment once their weights reach `reportsToHide` (a tiny tolerance for float sums). */
export const reportsHide = (weights: readonly number[], reportsToHide: number): boolean =>
  weights.reduce((sum, weight) => sum + weight, 0) >= reportsToHide - 1e-9
