import { RULE } from '../constants'
import { findPatientData } from './patientData'
import { findSafeguardingPhrases } from './safeguarding'
import { countLinks, findTerms } from './text'
import type { CommentRule } from './types'

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
  {
    name: RULE.patientData,
    order: 20,
    // Never echo the number or postcode into the decision: the detail names only the kind.
    run: ({ body }, _context, policy) => {
      if (!policy.patientDataGuard) return null
      const findings = findPatientData(body)
      return findings.length > 0
        ? { status: 'pending', rule: RULE.patientData, detail: findings.join(', ') }
        : null
    },
  },
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
