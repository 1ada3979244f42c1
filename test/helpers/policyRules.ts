import { DEFAULT_SAFEGUARDING_PHRASES } from '@plugins/comment-moderation/rules/safeguarding'
import type { PolicyRules } from '@plugins/comment-moderation/rules/types'

/** The comment policy as the pure rules read it: every guard on, then the spec's own overrides. */
export const policyRules = (overrides: Partial<PolicyRules> = {}): PolicyRules => ({
  version: '2026-11',
  maxLinks: 2,
  blockedTerms: ['buy followers'],
  heldTerms: ['lawsuit'],
  holdFirstComment: true,
  trustedAfter: 2,
  patientDataGuard: true,
  chiNumberGuard: true,
  hcNumberGuard: true,
  safeguardingLane: true,
  safeguardingPhrases: [...DEFAULT_SAFEGUARDING_PHRASES],
  ruleClauses: {
    'blocked-term': '2',
    'patient-data': '5',
    'too-many-links': '4',
    'held-term': '3',
    'first-comment': '1',
  },
  ...overrides,
})
