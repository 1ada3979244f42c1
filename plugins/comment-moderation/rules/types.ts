import type { CommentStatus } from '../constants'

/** What the rules look at in a comment. */
export type CommentInput = {
  body: string
  authorKind: 'member' | 'guest'
}

/** Facts about the author and page that rules may use; gathered by the plugin before deciding. */
export type ModerationContext = {
  /** Approved comments this author (member, or guest by email) already has. */
  approvedCommentsByAuthor: number
}

/** The moderation settings of the `comment-policy` global, as the rules read them. */
export type PolicyRules = {
  version: string
  maxLinks: number
  blockedTerms: string[]
  heldTerms: string[]
  holdFirstComment: boolean
  trustedAfter: number
  patientDataGuard: boolean
  /** Scottish CHI numbers. */
  chiNumberGuard: boolean
  /** Northern Ireland Health and Care numbers. */
  hcNumberGuard: boolean
  /** Hold comments whose wording suggests someone may be at risk in the urgent lane. */
  safeguardingLane: boolean
  /** The phrases the safeguarding lane looks for (whole words, punctuation-tolerant). */
  safeguardingPhrases: string[]
  /** The policy clause each rule enforces, by rule name (e.g. `{ 'too-many-links': '4' }`). */
  ruleClauses: Record<string, string | undefined>
}

/** One reason for a decision: the rule that fired and the clause of the policy it applies. */
export type DecisionReason = { rule: string; clause: string | null; detail?: string }

export type Decision = {
  status: CommentStatus
  reasons: DecisionReason[]
  policyVersion: string
  /** Held in the urgent (safeguarding) lane: read first by a person, whatever else matched. */
  urgent?: boolean
}

/** A rule's finding; `null` when it has nothing to say. */
export type RuleResult = {
  status: Exclude<CommentStatus, 'approved'>
  rule: string
  /** Defaults to the policy's clause for `rule`. */
  clause?: string | null
  detail?: string
  /** The comment goes to the urgent lane: held for a person, never rejected or marked spam unread. */
  urgent?: boolean
} | null

/**
 * A moderation rule. Built-in rules have orders 10, 20, … 60; a host's rules (the plugin's `rules`
 * option) slot in between by their `order`. A rule may be async (an external spam classifier).
 */
export type CommentRule = {
  name: string
  order: number
  run: (
    comment: CommentInput,
    context: ModerationContext,
    policy: PolicyRules,
  ) => RuleResult | Promise<RuleResult>
}
