import type { CollectionConfig, Config, Field, FieldAccess, Plugin } from 'payload'

import { buildCommentDecisions } from './collections/commentDecisions'
import { buildComments } from './collections/comments'
import { resolveOptions } from './defaults'
import { buildCommentPolicyGlobal } from './globals/commentPolicy'
import { moderatorDigestTask, purgeClientDataTask } from './tasks'
import type { CommentModerationOptions } from './types'

export type { CommentModerationOptions, CommentRule, Decision, DecisionEvent } from './types'
export { COMMENT_STATUS, COMMENT_STATUSES, PUBLIC_STATUSES, RULE } from './constants'
export { decide, orderRules } from './rules/decide'

const commentsEnabledField: Field = {
  name: 'commentsEnabled',
  type: 'checkbox',
  defaultValue: true,
  admin: { position: 'sidebar', description: 'Untick to close comments on this page.' },
}

const commentingField = (isModeratorField: FieldAccess): Field => ({
  name: 'commenting',
  type: 'group',
  admin: { position: 'sidebar', readOnly: true, description: 'Set through the moderation tools (ban / unban).' },
  access: { read: isModeratorField, update: () => false, create: () => false },
  fields: [
    { name: 'banned', type: 'checkbox', defaultValue: false },
    { name: 'bannedUntil', type: 'date' },
    { name: 'banReason', type: 'textarea' },
  ],
})

const withField = (collection: CollectionConfig, field: Field): CollectionConfig => ({
  ...collection,
  fields: [...collection.fields, field],
})

/**
 * Comment-policy moderation for any Payload 3 config: a `comments` collection on the given
 * collections, the `comment-policy` global, a decision log, moderation endpoints and emails.
 */
export const commentModeration =
  (pluginOptions: CommentModerationOptions): Plugin =>
  (incoming: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const isModeratorField: FieldAccess = ({ req }) => options.isModerator(req.user)

    // The schema is added even when disabled, so migrations stay the same.
    const collections = (incoming.collections ?? []).map((collection) => {
      if (options.collections.includes(collection.slug)) return withField(collection, commentsEnabledField)
      if (collection.slug === options.authorCollection) return withField(collection, commentingField(isModeratorField))
      return collection
    })
    const config: Config = {
      ...incoming,
      collections: [...collections, buildComments(options), buildCommentDecisions(options)],
      globals: [...(incoming.globals ?? []), buildCommentPolicyGlobal(options)],
      jobs: {
        ...incoming.jobs,
        tasks: [...(incoming.jobs?.tasks ?? []), moderatorDigestTask(options), purgeClientDataTask(options)],
      },
    }
    return config
  }
