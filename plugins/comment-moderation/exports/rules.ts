/** The pure moderation rules, for hosts that write their own rules or test against the built-in ones. */
export { builtInRules } from '../rules/builtInRules'
export { CommentingState, type CommentingStateData } from '../rules/commentingState'
export { combineFindings, decide, orderRules } from '../rules/decide'
export { findNhsNumbers, isValidNhsNumber } from '../rules/nhsNumber'
export {
  DATE_POSTCODE_DISTANCE,
  findPatientData,
  hasDateNextToPostcode,
  type PatientDataFinding,
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
