import {
  findPatientIdentifiersUnderPolicy,
  PATIENT_DATA_LABELS,
} from '@q-community/comment-moderation'
import type { TextareaFieldValidation, TextFieldSingleValidation } from 'payload'
import { text, textarea } from 'payload/shared'

/** The field error: names the field and the kind of identifier, never the identifier. */
export const patientIdentifierMessage = (field: string, kinds: string[]) =>
  `Remove the ${kinds.join(' and ')} from ${field}: a profile must not hold information that identifies a patient.`

/**
 * Profile text (bio, organisation) is read by other members: it must not hold an NHS, CHI or H&C
 * number, or a date of birth next to a postcode. The checks and their on/off switches are the
 * comment policy's (the comment plugin's cached `comment-policy`; every check on if it cannot be
 * read). Only a changed value is checked, so an old profile never blocks an unrelated save.
 */
const findIn = async (
  value: string | null | undefined,
  previousValue: string | null | undefined,
  req: Parameters<TextFieldSingleValidation>[1]['req'],
): Promise<string[]> => {
  if (typeof value !== 'string' || value === '' || value === previousValue) return []
  const found = await findPatientIdentifiersUnderPolicy(req, value)
  return found.map((kind) => PATIENT_DATA_LABELS[kind])
}

export const textWithoutPatientIdentifiers =
  (field: string): TextFieldSingleValidation =>
  async (value, options) => {
    const kinds = await findIn(value, options.previousValue, options.req)
    return kinds.length > 0 ? patientIdentifierMessage(field, kinds) : text(value, options)
  }

export const textareaWithoutPatientIdentifiers =
  (field: string): TextareaFieldValidation =>
  async (value, options) => {
    const kinds = await findIn(value, options.previousValue, options.req)
    return kinds.length > 0 ? patientIdentifierMessage(field, kinds) : textarea(value, options)
  }
