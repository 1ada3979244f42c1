/** The pure moderation rules, for hosts that write their own rules or test against the built-in ones. */
export { builtInRules } from '../rules/builtInRules'
export { isValidChiNumber, isValidDdmmyy } from '../rules/chiNumber'
export { CommentingState, type CommentingStateData } from '../rules/commentingState'
export { combineFindings, decide, orderRules } from '../rules/decide'
export { HC_NUMBER_RANGE, isValidHcNumber } from '../rules/hcNumber'
export { findNhsNumbers, hasModulus11CheckDigit, isValidNhsNumber } from '../rules/nhsNumber'
export {
  ALL_PATIENT_DATA_GUARDS,
  DATE_POSTCODE_DISTANCE,
  findPatientData,
  findPatientIdentifiers,
  hasDateNextToPostcode,
  PATIENT_DATA_LABELS,
  type PatientDataFinding,
  type PatientDataSwitches,
  type PatientIdentifierKind,
} from '../rules/patientData'
export {
  REPORTER_WEIGHT,
  type ReporterRecord,
  reporterWeight,
  reportsHide,
} from '../rules/reporterWeight'
export {
  DEFAULT_SAFEGUARDING_PHRASES,
  findSafeguardingPhrases,
  normaliseForPhrases,
} from '../rules/safeguarding'
export { countLinks, findTerms } from '../rules/text'
export type {
  CommentInput,
  CommentRule,
  Decision,
  DecisionReason,
  ModerationContext,
  PolicyRules,
  RuleResult,
} from '../rules/types'
export { waitingLabel } from '../rules/waiting'
