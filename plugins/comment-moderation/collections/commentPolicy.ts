import type { Access, FieldAccess, GlobalConfig } from 'payload'

import {
  DEFAULT_APPEAL_WINDOW_DAYS,
  DEFAULT_RULE_CLAUSES,
  ERASED_COMMENT_BODY_OPTIONS,
  POLICY_SLUG,
  ruleClauseField,
} from '../constants'
import { forgetPolicy } from '../hooks/forgetPolicy'
import { DEFAULT_SAFEGUARDING_PHRASES } from '../rules/safeguarding'
import type { SanitizedOptions } from '../types'
import { DEFAULT_SAFEGUARDING_REPLY, DEFAULT_SAFEGUARDING_REPLY_SUBJECT } from '../utilities/policy'

/** The demo policy: numbered clauses each rule can cite. Staff edit it in the admin. */
export const DEFAULT_CLAUSES = [
  {
    number: '1',
    title: 'Be kind and constructive',
    text: 'Comments from people new to the conversation are read by a moderator before they appear.',
  },
  {
    number: '2',
    title: 'No spam or advertising',
    text: 'Promotional, abusive or off-topic content is removed.',
  },
  {
    number: '3',
    title: 'Stay on topic and lawful',
    text: 'Comments that raise legal or safety concerns are reviewed before they appear.',
  },
  {
    number: '4',
    title: 'Share sources sparingly',
    text: 'Comments with many links are reviewed to keep out spam.',
  },
  {
    number: '5',
    title: 'Never share patient-identifiable information',
    text: 'NHS numbers, Scottish CHI numbers, Northern Ireland H&C numbers, or dates of birth with postcodes, are held and never published.',
  },
  {
    number: '6',
    title: 'Look after yourself and each other',
    text: 'If a comment suggests someone may be at risk of harm, or describes a medical emergency, a person on our team reads it first, and its author is sent details of where to get help straight away.',
  },
]

export const buildCommentPolicyGlobal = (options: SanitizedOptions): GlobalConfig => {
  const moderatorsOnly: Access = ({ req }) => options.isModerator(req.user)
  const moderatorsOnlyField: FieldAccess = ({ req }) => options.isModerator(req.user)
  return {
    slug: POLICY_SLUG,
    label: 'Comments policy',
    admin: { group: 'Comments' },
    // The policy is published ("read our comments policy before posting"); its term lists are not,
    // so spammers cannot read what is filtered.
    access: { read: () => true, update: moderatorsOnly },
    // Also when disabled: the report endpoint reads the cached policy.
    hooks: { afterChange: [forgetPolicy] },
    fields: [
      {
        name: 'version',
        type: 'text',
        required: true,
        defaultValue: '1',
        admin: {
          description:
            'Change it whenever the clauses change: authors must accept the current version.',
        },
      },
      {
        name: 'summary',
        type: 'textarea',
        defaultValue:
          'Read our comments policy before posting. If you have an account, please log in.',
      },
      {
        name: 'clauses',
        type: 'array',
        defaultValue: DEFAULT_CLAUSES,
        fields: [
          { name: 'number', type: 'text', required: true },
          { name: 'title', type: 'text', required: true },
          { name: 'text', type: 'textarea' },
        ],
      },
      {
        type: 'collapsible',
        label: 'Moderation rules',
        fields: [
          { name: 'maxLinks', type: 'number', defaultValue: 2, min: 0, required: true },
          {
            name: 'blockedTerms',
            type: 'text',
            hasMany: true,
            access: { read: moderatorsOnlyField },
            admin: { description: 'Comments containing these are rejected.' },
          },
          {
            name: 'heldTerms',
            type: 'text',
            hasMany: true,
            access: { read: moderatorsOnlyField },
            admin: { description: 'Comments containing these wait for a moderator.' },
          },
          { name: 'holdFirstComment', type: 'checkbox', defaultValue: true },
          {
            name: 'trustedAfter',
            type: 'number',
            defaultValue: 1,
            min: 0,
            required: true,
            admin: {
              description:
                'Approved comments after which an author skips the queue (unless another rule holds them).',
            },
          },
          {
            name: 'floodIntervalSeconds',
            type: 'number',
            defaultValue: 15,
            min: 0,
            required: true,
          },
          {
            name: 'closeAfterDays',
            type: 'number',
            min: 1,
            admin: {
              description: 'Close comments this many days after publication. Empty: never.',
            },
          },
          { name: 'allowGuests', type: 'checkbox', defaultValue: true },
          {
            name: 'erasedCommentBody',
            type: 'select',
            defaultValue: 'remove',
            options: ERASED_COMMENT_BODY_OPTIONS.map((value) => ({ label: value, value })),
            admin: {
              description:
                'When a member erases their account, their comments stay under "Former member": remove (the text is replaced by a notice) or keep the text.',
            },
          },
          { name: 'reportsToHide', type: 'number', defaultValue: 3, min: 1, required: true },
          {
            name: 'patientDataGuard',
            type: 'checkbox',
            defaultValue: true,
            admin: {
              description:
                'Hold comments containing an NHS number, or a date of birth next to a UK postcode.',
            },
          },
          {
            name: 'chiNumberGuard',
            type: 'checkbox',
            defaultValue: true,
            admin: {
              description:
                'Hold comments containing a Scottish CHI number (date of birth + 4 digits, modulus 11).',
            },
          },
          {
            name: 'hcNumberGuard',
            type: 'checkbox',
            defaultValue: true,
            admin: {
              description:
                'Hold comments containing a Northern Ireland Health and Care number (320 000 0001 to 399 999 9999, modulus 11).',
            },
          },
          {
            name: 'ruleClauses',
            type: 'group',
            admin: { description: 'The clause each rule cites in its decisions.' },
            fields: Object.entries(DEFAULT_RULE_CLAUSES).map(([rule, clause]) => ({
              name: ruleClauseField(rule),
              label: rule,
              type: 'text' as const,
              defaultValue: clause,
            })),
          },
        ],
      },
      {
        type: 'collapsible',
        label: 'Safeguarding',
        fields: [
          {
            name: 'safeguardingLane',
            type: 'checkbox',
            defaultValue: true,
            admin: {
              description:
                'Hold comments that suggest self-harm, suicide or a medical emergency in an urgent lane: shown first in the queue, moderators emailed at once, the author sent the reply below.',
            },
          },
          {
            name: 'safeguardingPhrases',
            type: 'text',
            hasMany: true,
            defaultValue: [...DEFAULT_SAFEGUARDING_PHRASES],
            access: { read: moderatorsOnlyField },
            admin: {
              description:
                'Phrases, matched as whole words whatever the case or punctuation ("can\'t" = "cant" = "cannot"). Prefer phrases to single words. Empty: the built-in list.',
            },
          },
          {
            name: 'safeguardingReplySubject',
            type: 'text',
            defaultValue: DEFAULT_SAFEGUARDING_REPLY_SUBJECT,
          },
          {
            name: 'safeguardingReply',
            type: 'textarea',
            defaultValue: DEFAULT_SAFEGUARDING_REPLY,
            admin: {
              description:
                'Emailed at once to the author of a comment held in the lane. It never quotes the comment. A blank line starts a new paragraph.',
            },
          },
        ],
      },
      {
        type: 'collapsible',
        label: 'Appeals',
        fields: [
          {
            name: 'appealWindowDays',
            type: 'number',
            defaultValue: DEFAULT_APPEAL_WINDOW_DAYS,
            min: 1,
            required: true,
            admin: {
              description:
                'Days after a rejection within which its author (a logged-in member) may appeal, once. A different moderator decides.',
            },
          },
        ],
      },
    ],
  }
}
