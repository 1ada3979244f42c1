import { RULE } from '../constants'
import { findPatientIdentifiers, type PatientDataFinding } from './patientData'
import { findSafeguardingPhrases } from './safeguarding'
import { countLinks, findTerms } from './text'
import type { CommentRule } from './types'

/** Holds a comment when the text holds one of `kinds` of patient identifier. */
const patientDataRule = (
  name: string,
  order: number,
  kinds: readonly PatientDataFinding[],
): CommentRule => ({
  name,
  order,
  run: ({ body }, _context, policy) => {
    const findings = findPatientIdentifiers(body, policy).filter((kind) => kinds.includes(kind))
    return findings.length > 0
      ? { status: 'pending', rule: name, detail: findings.join(', ') }
      : null
  },
})

/** The policy's own rules, in the order they are checked. */
export const builtInRules: CommentRule[] = [
  {
    name: RULE.blockedTerm,
    order: 10,
    run: ({ body }, _context, policy) =>
      findTerms(body, policy.blockedTerms).length > 0
        ? { status: 'rejected', rule: RULE.blockedTerm }
        : null,
  },
  // Patient identifiers: one rule per kind, so each cites its own clause. A number is reported
  // once, as the most specific kind switched on (see findPatientIdentifiers). Never echo the number
  // or postcode into the decision: the detail names only the kind.
  patientDataRule(RULE.patientData, 20, ['nhs-number', 'date-and-postcode']),
  patientDataRule(RULE.chiNumber, 21, ['chi-number']),
  patientDataRule(RULE.hcNumber, 22, ['hc-number']),
  {
    name: RULE.tooManyLinks,
    order: 30,
    run: ({ body }, _context, policy) => {
      const links = countLinks(body)
      return links > policy.maxLinks
        ? { status: 'pending', rule: RULE.tooManyLinks, detail: `${links} links` }
        : null
    },
  },
  {
    name: RULE.heldTerm,
    order: 40,
    run: ({ body }, _context, policy) =>
      findTerms(body, policy.heldTerms).length > 0
        ? { status: 'pending', rule: RULE.heldTerm }
        : null,
  },
  {
    name: RULE.safeguarding,
    order: 45,
    // The detail names the phrases for the moderator; the reasons are never shown to the public.
    run: ({ body }, _context, policy) => {
      if (!policy.safeguardingLane) return null
      const found = findSafeguardingPhrases(body, policy.safeguardingPhrases)
      return found.length > 0
        ? { status: 'pending', rule: RULE.safeguarding, detail: found.join(', '), urgent: true }
        : null
    },
  },
  {
    name: RULE.firstComment,
    order: 50,
    // Authors are trusted once they have `trustedAfter` approved comments (at least one);
    // until then, with holdFirstComment on, their comments wait for a moderator.
    run: (_comment, { approvedCommentsByAuthor }, policy) => {
      if (!policy.holdFirstComment) return null
      const trustedAt = Math.max(1, policy.trustedAfter)
      if (approvedCommentsByAuthor >= trustedAt) return null
      return {
        status: 'pending',
        rule: approvedCommentsByAuthor === 0 ? RULE.firstComment : RULE.notYetTrusted,
        clause: policy.ruleClauses[RULE.firstComment] ?? null,
      }
    },
  },
]
