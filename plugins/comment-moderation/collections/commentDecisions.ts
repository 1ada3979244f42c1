import { withOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { CollectionConfig } from 'payload'

import { COMMENT_STATUSES, COMMENTS_SLUG, DECISION_SOURCES, DECISIONS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'
import { commentAccess } from '../utilities/access'

const statusOptions = COMMENT_STATUSES.map((status) => ({ label: status, value: status }))

/**
 * The moderation log: one row per decision, automatic or human, never edited. Public statistics
 * (`GET /api/comments/stats`) are counted from it without exposing any row.
 */
export const buildCommentDecisions = (options: SanitizedOptions): CollectionConfig =>
  withOverrides(commentDecisionsSchema(options), options.commentDecisionsOverrides)

const commentDecisionsSchema = (options: SanitizedOptions): CollectionConfig => {
  const { isModerator } = commentAccess(options)
  return {
    slug: DECISIONS_SLUG,
    admin: {
      group: 'Comments',
      useAsTitle: 'to',
      defaultColumns: ['decidedAt', 'comment', 'from', 'to', 'source', 'clauses', 'by'],
    },
    access: { read: isModerator, create: () => false, update: () => false, delete: () => false },
    defaultSort: '-decidedAt',
    fields: [
      {
        name: 'comment',
        type: 'relationship',
        relationTo: COMMENTS_SLUG,
        required: true,
        index: true,
      },
      { name: 'from', type: 'select', options: statusOptions },
      { name: 'to', type: 'select', options: statusOptions, required: true },
      {
        name: 'source',
        type: 'select',
        required: true,
        options: DECISION_SOURCES.map((value) => ({ label: value, value })),
      },
      { name: 'by', type: 'relationship', relationTo: options.staffCollection },
      { name: 'reason', type: 'textarea' },
      { name: 'clauses', type: 'text', hasMany: true },
      { name: 'rules', type: 'text', hasMany: true },
      { name: 'policyVersion', type: 'text' },
      {
        name: 'decidedAt',
        type: 'date',
        required: true,
        index: true,
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}
