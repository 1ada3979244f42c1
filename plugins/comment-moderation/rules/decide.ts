import { COMMENT_STATUS, type CommentStatus, STATUS_SEVERITY } from '../constants'
import { builtInRules } from './builtInRules'
import type {
  CommentInput,
  CommentRule,
  Decision,
  ModerationContext,
  PolicyRules,
  RuleResult,
} from './types'

/** Built-in rules and a host's own, in order. */
export const orderRules = (extra: readonly CommentRule[] = []): CommentRule[] =>
  [...builtInRules, ...extra].sort((a, b) => a.order - b.order)

/**
 * Combines rule findings into one decision: the most severe status wins, every finding is kept
 * as a reason citing its clause, so the decision can be explained to author, moderator and public.
 */
export const combineFindings = (findings: RuleResult[], policy: PolicyRules): Decision => {
  const matched = findings.filter((finding): finding is NonNullable<RuleResult> => finding !== null)
  const worst = matched.reduce<CommentStatus>(
    (worst, finding) =>
      STATUS_SEVERITY[finding.status] > STATUS_SEVERITY[worst] ? finding.status : worst,
    COMMENT_STATUS.approved,
  )
  // Someone who may be at risk is read by a person, even when their comment also looks like spam.
  const urgent = matched.some((finding) => finding.urgent === true)
  return {
    status: urgent ? COMMENT_STATUS.pending : worst,
    ...(urgent ? { urgent } : {}),
    reasons: matched.map((finding) => ({
      rule: finding.rule,
      clause:
        finding.clause !== undefined ? finding.clause : (policy.ruleClauses[finding.rule] ?? null),
      ...(finding.detail ? { detail: finding.detail } : {}),
    })),
    policyVersion: policy.version,
  }
}

/**
 * The moderation decision for a new comment: `(comment, context, policy) → { status, reasons }`.
 * Pure apart from whatever a host's async rules do.
 */
export const decide = async (
  comment: CommentInput,
  context: ModerationContext,
  policy: PolicyRules,
  rules: readonly CommentRule[] = builtInRules,
): Promise<Decision> => {
  const findings: RuleResult[] = []
  for (const rule of rules) findings.push(await rule.run(comment, context, policy))
  return combineFindings(findings, policy)
}
