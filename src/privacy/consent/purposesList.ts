import { CONSENT_PURPOSES, type ConsentPurpose } from '../consentPurposes'

export type ConsentPurposeView = {
  purpose: ConsentPurpose
  field: (typeof CONSENT_PURPOSES)[ConsentPurpose]['field']
  label: string
  description: string
  version: string
  default: boolean
}

/** The purposes as frontends show them: the exact wording and its version, the default. */
export const consentPurposesList = (): ConsentPurposeView[] =>
  (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).map((purpose) => {
    const wording = CONSENT_PURPOSES[purpose]
    return {
      purpose,
      field: wording.field,
      label: wording.label,
      description: wording.description,
      version: wording.version,
      default: wording.defaultValue,
    }
  })
