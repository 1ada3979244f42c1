import { findNhsNumbers } from './nhsNumber'

/** A UK postcode ("SW1A 1AA", "M1 1AE", "b338th"). */
const POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
/** Dates as people write a date of birth: 12/03/1956, 12-3-56, 12.03.1956, 1956-03-12, 12 March 1956. */
const DATE = new RegExp(
  `\\b(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}) \\d{4})\\b`,
  'gi',
)

/** How close (in characters) a date and a postcode must be to count as "next to" each other. */
export const DATE_POSTCODE_DISTANCE = 60

type Span = { start: number; end: number }
const spans = (text: string, pattern: RegExp): Span[] =>
  [...text.matchAll(pattern)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }))

const gapBetween = (a: Span, b: Span) =>
  Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end))

/** A date of birth next to a UK postcode: together they can identify a patient. */
export const hasDateNextToPostcode = (text: string): boolean => {
  const dates = spans(text, DATE)
  if (dates.length === 0) return false
  const postcodes = spans(text, POSTCODE)
  return dates.some((date) =>
    postcodes.some((postcode) => gapBetween(date, postcode) <= DATE_POSTCODE_DISTANCE),
  )
}

export type PatientDataFinding = 'nhs-number' | 'date-and-postcode'

/** What in a text could identify a patient, if anything. */
export const findPatientData = (text: string): PatientDataFinding[] => {
  const findings: PatientDataFinding[] = []
  if (findNhsNumbers(text).length > 0) findings.push('nhs-number')
  if (hasDateNextToPostcode(text)) findings.push('date-and-postcode')
  return findings
}
