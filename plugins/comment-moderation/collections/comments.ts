import { withOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { CollectionConfig, Field, FieldHook } from 'payload'

import {
  ADMIN_COMPONENTS,
  APPEAL_STATUSES,
  COMMENT_STATUSES,
  COMMENTS_SLUG,
  DECISIONS_SLUG,
  REPORT_OUTCOMES,
} from '../constants'
import { assignAuthor } from '../hooks/assignAuthor'
import { deleteDecisionLog } from '../hooks/deleteDecisionLog'
import { resolveDisplayName } from '../hooks/resolveDisplayName'
import type { SanitizedOptions } from '../types'
import { commentAccess } from '../utilities/access'
import { prependHooks } from '../utilities/prependHooks'

export const BODY_MAX_LENGTH = 5000

/**
 * The `comments` collection as the schema has it, with the host's `commentsOverrides`. index.ts
 * adds the endpoints, and the moderation hooks unless the plugin is disabled; `assignAuthor`
 * always runs, since field access drops the `author` a client sends, and so does
 * `deleteDecisionLog`, without which a moderated comment could not be deleted.
 */
export const buildComments = (options: SanitizedOptions): CollectionConfig => {
  const collection = withOverrides(commentsSchema(options), options.commentsOverrides)
  return prependHooks(collection, {
    beforeValidate: [assignAuthor(options.authorCollection)],
    beforeDelete: [deleteDecisionLog],
  })
}

const commentsSchema = (options: SanitizedOptions): CollectionConfig => {
  const { canPost, isModerator, readComments } = commentAccess(options)
  return {
    slug: COMMENTS_SLUG,
    admin: {
      group: 'Comments',
      useAsTitle: 'body',
      // The moderation queue: the urgent (safeguarding) lane first, then comments needing review,
      // newest first within each; `waiting` shows how long each held comment has waited.
      defaultColumns: [
        'body',
        'status',
        'waiting',
        'displayName',
        'target',
        'reasons',
        'createdAt',
      ],
      listSearchableFields: ['body', 'authorName'],
      description:
        'The moderation queue. Urgent comments (the safeguarding lane) come first, then other pending comments; select several to approve, reject or mark as spam together (give a reason or clause).',
    },
    defaultSort: ['-urgent', '-needsReview', '-createdAt'],
    // The public list: approved comments (the access Where) in the default order.
    indexes: [{ fields: ['status', 'urgent', 'needsReview', 'createdAt'] }],
    access: {
      // Members and guests post (prepareNewComment decides the rest); staff moderate, they do not post.
      create: canPost,
      read: readComments,
      update: isModerator,
      delete: isModerator,
    },
    fields: commentFields(options),
  }
}

/** What anyone but a moderator (or the server) reads of the field: null (undefined would keep the value). */
const nullUnlessModerator =
  (options: SanitizedOptions): FieldHook =>
  ({ overrideAccess, req, value }) =>
    overrideAccess || options.isModerator(req.user) ? value : null

const commentFields = (options: SanitizedOptions): Field[] => {
  const { moderatorField, moderatorOrAuthorField } = commentAccess(options)
  // Set by the server only: a client's value is dropped before any hook runs, whether moderation is
  // on or off (field access stays when the plugin is disabled, the hooks that overwrite it do not run).
  // Moderators cannot create comments, so for create this means "only with overrideAccess".
  const serverSet = { create: moderatorField }
  const privateField = { read: moderatorField, create: moderatorField, update: moderatorField }
  return [
    {
      name: 'target',
      type: 'relationship',
      relationTo: options.collections,
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: COMMENTS_SLUG,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      minLength: 1,
      maxLength: BODY_MAX_LENGTH,
      admin: {
        readOnly: true,
        description:
          'Stored and returned as plain text; frontends must render it as text, never as HTML.',
      },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: options.authorCollection,
      index: true,
      access: serverSet,
      admin: { readOnly: true },
    },
    { name: 'authorName', type: 'text', maxLength: 100, admin: { readOnly: true } },
    {
      name: 'authorEmail',
      type: 'email',
      index: true,
      access: { read: moderatorField, update: moderatorField },
      admin: { readOnly: true },
    },
    {
      name: 'displayName',
      type: 'text',
      virtual: true,
      access: { create: moderatorField, update: moderatorField },
      admin: { hidden: true },
      hooks: { afterRead: [resolveDisplayName(options)] },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((status) => ({ label: status, value: status })),
      access: serverSet,
      admin: { position: 'sidebar' },
    },
    {
      name: 'reason',
      type: 'textarea',
      virtual: true,
      access: serverSet,
      admin: {
        position: 'sidebar',
        description: 'Why you changed the status (recorded in the decision history).',
      },
    },
    {
      name: 'clause',
      type: 'text',
      virtual: true,
      access: serverSet,
      admin: { position: 'sidebar', description: 'The policy clause you applied, e.g. 2.' },
    },
    { name: 'policyAccepted', type: 'checkbox', virtual: true, admin: { hidden: true } },
    {
      name: 'policyVersion',
      type: 'text',
      access: serverSet,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'reasons',
      type: 'array',
      access: { read: moderatorOrAuthorField, create: moderatorField, update: moderatorField },
      admin: {
        readOnly: true,
        description: 'Why the rules decided as they did, citing the policy.',
      },
      fields: [
        { name: 'rule', type: 'text', index: true },
        { name: 'clause', type: 'text' },
        { name: 'detail', type: 'text' },
      ],
    },
    {
      name: 'decision',
      type: 'group',
      access: privateField,
      admin: { readOnly: true, position: 'sidebar' },
      fields: [
        { name: 'by', type: 'relationship', relationTo: options.staffCollection },
        { name: 'at', type: 'date' },
        { name: 'reason', type: 'textarea' },
        { name: 'clause', type: 'text' },
      ],
    },
    {
      name: 'history',
      type: 'join',
      collection: DECISIONS_SLUG,
      on: 'comment',
      access: { read: moderatorField },
      admin: {
        allowCreate: false,
        defaultColumns: ['decidedAt', 'from', 'to', 'source', 'clauses', 'reason'],
      },
    },
    {
      name: 'reports',
      type: 'array',
      access: privateField,
      admin: { readOnly: true },
      fields: [
        { name: 'member', type: 'relationship', relationTo: options.authorCollection },
        { name: 'reason', type: 'textarea' },
        { name: 'reportedAt', type: 'date' },
        // What this report counted toward `reportsToHide`, from the reporter's record at the time.
        { name: 'weight', type: 'number' },
        // Set when a moderator decides the comment; the reporter's record is made of these.
        {
          name: 'outcome',
          type: 'select',
          options: REPORT_OUTCOMES.map((outcome) => ({ label: outcome, value: outcome })),
        },
      ],
    },
    {
      name: 'reportCount',
      type: 'number',
      defaultValue: 0,
      access: privateField,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'depth', type: 'number', defaultValue: 1, access: serverSet, admin: { hidden: true } },
    // Derived from status (true while pending) and used to put the queue first; not private.
    {
      name: 'needsReview',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      access: serverSet,
      admin: { hidden: true },
    },
    // True while a comment the safeguarding rule matched waits. It reveals distress, so only
    // moderators read its value (others read null). Field read access would also forbid sorting on
    // it, and the default sort does (Payload refuses a sort on a field the reader may not read);
    // sorting tells no one anything, since it is true only while pending and no pending comment is public.
    {
      name: 'urgent',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: moderatorField, update: moderatorField },
      hooks: { afterRead: [nullUnlessModerator(options)] },
      admin: { readOnly: true, position: 'sidebar', description: 'Held in the safeguarding lane.' },
    },
    // No data: the queue's column showing how long a held comment has waited.
    {
      name: 'waiting',
      type: 'ui',
      label: 'Waiting',
      admin: { components: { Cell: `${ADMIN_COMPONENTS}#WaitingCell` } },
    },
    { name: 'moderatorsNotifiedAt', type: 'date', access: privateField, admin: { hidden: true } },
    { name: 'ipHash', type: 'text', index: true, access: privateField, admin: { hidden: true } },
    { name: 'userAgentHash', type: 'text', access: privateField, admin: { hidden: true } },
    // The author's appeal of a rejection (endpoints/appeal.ts) and its outcome (hooks/decideAppeal.ts):
    // written by the server alone, even moderators decide it through `status`; the author reads it.
    {
      name: 'appeal',
      type: 'group',
      access: { read: moderatorOrAuthorField, create: () => false, update: () => false },
      admin: {
        readOnly: true,
        description:
          'An appeal by the author. A moderator other than the one who rejected the comment decides it by changing the status: approved overturns the rejection, rejected upholds it.',
      },
      fields: [
        { name: 'reason', type: 'textarea' },
        { name: 'appealedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'status',
          type: 'select',
          options: APPEAL_STATUSES.map((status) => ({ label: status, value: status })),
        },
        // Who made the decision appealed (null when the rules made it): they may not decide the appeal.
        // Moderators' names stay among moderators: the author reads the outcome, not who decided.
        {
          name: 'rejectedBy',
          type: 'relationship',
          relationTo: options.staffCollection,
          access: { read: moderatorField },
        },
        {
          name: 'decidedBy',
          type: 'relationship',
          relationTo: options.staffCollection,
          access: { read: moderatorField },
        },
        { name: 'decidedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'note', type: 'textarea' },
        { name: 'clause', type: 'text' },
      ],
    },
  ]
}
