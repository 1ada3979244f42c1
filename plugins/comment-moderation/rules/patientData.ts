import { isValidChiNumber } from './chiNumber'
import { isValidHcNumber } from './hcNumber'
import { HEALTH_NUMBER_CANDIDATE, isValidNhsNumber } from './nhsNumber'

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

export type PatientIdentifierKind = 'nhs-number' | 'chi-number' | 'hc-number'
export type PatientDataFinding = PatientIdentifierKind | 'date-and-postcode'

/** Which patient-identifier checks are on: the `comment-policy` switches of the same names. */
export type PatientDataSwitches = {
  /** NHS numbers, and a date of birth next to a UK postcode. */
  patientDataGuard: boolean
  chiNumberGuard: boolean
  hcNumberGuard: boolean
}

export const ALL_PATIENT_DATA_GUARDS: PatientDataSwitches = {
  patientDataGuard: true,
  chiNumberGuard: true,
  hcNumberGuard: true,
}

/**
 * The kinds a ten-digit number is tried as, most specific first. The three share the modulus-11
 * check, so one number can pass as several: it is reported once, as the first kind that is switched
 * on and accepts it. An H&C-range number is never an NHS number; a number opening with a real
 * DDMMYY date is reported as CHI. With that kind's switch off it falls through to the NHS check
 * (which accepted every such number before CHI and H&C existed), so switching a kind off never
 * lets a number through that the NHS guard would hold.
 */
const NUMBER_KINDS: {
  kind: PatientIdentifierKind
  switch: keyof PatientDataSwitches
  accepts: (value: string) => boolean
}[] = [
  { kind: 'hc-number', switch: 'hcNumberGuard', accepts: isValidHcNumber },
  { kind: 'chi-number', switch: 'chiNumberGuard', accepts: isValidChiNumber },
  { kind: 'nhs-number', switch: 'patientDataGuard', accepts: isValidNhsNumber },
]

/**
 * What in a text could identify a patient, by kind (each kind once, never the data itself), under
 * the given switches. Pure: the comment rules, member profiles, draft warnings and email previews
 * all use it.
 */
export const findPatientIdentifiers = (
  text: string,
  switches: PatientDataSwitches = ALL_PATIENT_DATA_GUARDS,
): PatientDataFinding[] => {
  const found = new Set<PatientDataFinding>()
  for (const [candidate] of text.matchAll(HEALTH_NUMBER_CANDIDATE)) {
    const kind = NUMBER_KINDS.find((entry) => switches[entry.switch] && entry.accepts(candidate))
    if (kind) found.add(kind.kind)
  }
  if (switches.patientDataGuard && hasDateNextToPostcode(text)) found.add('date-and-postcode')
  const order: PatientDataFinding[] = ['nhs-number', 'chi-number', 'hc-number', 'date-and-postcode']
  return order.filter((finding) => found.has(finding))
}

/** What in a text could identify a patient, if anything, with every check on. */
export const findPatientData = (text: string): PatientDataFinding[] => findPatientIdentifiers(text)

/** How people read a finding: "NHS number", "CHI number", … (for warnings shown to staff). */
export const PATIENT_DATA_LABELS: Record<PatientDataFinding, string> = {
  'nhs-number': 'NHS number',
  'chi-number': 'CHI number',
  'hc-number': 'H&C number',
  'date-and-postcode': 'date of birth next to a postcode',
}
