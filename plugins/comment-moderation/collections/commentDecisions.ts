import type { CollectionConfig, CollectionSlug } from 'payload'

import { commentAccess } from '../access'
import { COMMENT_STATUSES, COMMENTS_SLUG, DECISIONS_SLUG } from '../constants'
import type { ResolvedOptions } from '../types'

const statusOptions = COMMENT_STATUSES.map((status) => ({ label: status, value: status }))

/**
 * The moderation log: one row per decision, automatic or human, never edited. Public statistics
 * (`GET /api/comments/stats`) are counted from it without exposing any row.
 */
export const buildCommentDecisions = (options: ResolvedOptions): CollectionConfig => {
  const { isModerator } = commentAccess(options)
  return {
    slug: DECISIONS_SLUG,
    admin: { group: 'Comments', useAsTitle: 'to', defaultColumns: ['decidedAt', 'comment', 'from', 'to', 'source', 'clauses', 'by'] },
    access: { read: isModerator, create: () => false, update: () => false, delete: () => false },
    defaultSort: '-decidedAt',
    fields: [
      { name: 'comment', type: 'relationship', relationTo: COMMENTS_SLUG as CollectionSlug, required: true, index: true },
      { name: 'from', type: 'select', options: statusOptions },
      { name: 'to', type: 'select', options: statusOptions, required: true },
      { name: 'source', type: 'select', required: true, options: ['rules', 'moderator', 'reports'].map((value) => ({ label: value, value })) },
      { name: 'by', type: 'relationship', relationTo: options.staffCollection as CollectionSlug },
      { name: 'reason', type: 'textarea' },
      { name: 'clauses', type: 'text', hasMany: true },
      { name: 'rules', type: 'text', hasMany: true },
      { name: 'policyVersion', type: 'text' },
      { name: 'decidedAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  }
}
