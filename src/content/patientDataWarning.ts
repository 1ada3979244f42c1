import {
  ALL_PATIENT_DATA_GUARDS,
  findPatientIdentifiers,
  PATIENT_DATA_LABELS,
  type PatientDataFinding,
  type PatientDataSwitches,
} from '@q-community/comment-moderation/rules'

import { lexicalToPlainText } from '@/frontends/search/rules/plainText'

/**
 * One field of a draft the warning reads: its path in the form (`*` for every row of an array,
 * as in `keyFindings.*.finding`), its label, and how it is stored.
 */
export type WarnedField = { path: string; label: string; richText: boolean }

/** Whether a form field's path is one the warned field names (`*` matches a row number). */
export const matchesWarnedPath = (pattern: string, path: string): boolean =>
  pattern.includes('*')
    ? new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '\\d+')}$`).test(path)
    : pattern === path

/**
 * The text a staff member typed in a field: plain for text fields, extracted from Lexical JSON;
 * for an array's field, the values of all its rows (a list).
 */
export const fieldText = (field: WarnedField, value: unknown): string => {
  if (Array.isArray(value)) return value.map((row) => fieldText(field, row)).join('\n')
  if (field.richText) return lexicalToPlainText(value)
  return typeof value === 'string' ? value : ''
}

/**
 * The warning staff see on a draft that holds patient identifiers: which kinds, in which fields,
 * never the identifiers themselves. `null` when there is nothing to warn about. Pure (the admin
 * component computes it as staff type).
 */
export const patientDataWarning = (
  fields: readonly WarnedField[],
  values: Record<string, unknown>,
  switches: PatientDataSwitches = ALL_PATIENT_DATA_GUARDS,
): string | null => {
  const found = fields.flatMap((field) =>
    findPatientIdentifiers(fieldText(field, values[field.path]), switches).map(
      (kind) => `${PATIENT_DATA_LABELS[kind]} in ${field.label}`,
    ),
  )
  if (found.length === 0) return null
  return `This draft appears to contain patient-identifiable information (${found.join('; ')}) - remove it before publishing.`
}

/** The same warning on an update email's preview: the kinds found in what subscribers would read. */
export const emailPatientDataWarning = (kinds: readonly PatientDataFinding[]): string[] =>
  kinds.length === 0
    ? []
    : [
        `This email appears to contain patient-identifiable information (${kinds.map((kind) => PATIENT_DATA_LABELS[kind]).join(', ')}) - remove it before publishing.`,
      ]
