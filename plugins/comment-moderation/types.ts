import type { CollectionOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { KeyedLock, SharedState, ValueCache } from '@q-community/plugin-shared/sharedState'
import type { Payload, PayloadRequest } from 'payload'

import type { CommentStatus, DecisionSource } from './constants'
import type { CommentRule, Decision } from './rules/types'

export type { CommentRule, Decision } from './rules/types'
export type { CollectionOverrides } from '@q-community/plugin-shared/collectionOverrides'

/** What `onDecision` observers receive: every automatic and every moderator decision. */
export type DecisionEvent = {
  commentId: number | string
  from: CommentStatus | null
  to: CommentStatus
  /** `rules` for the automatic decision on posting, `moderator` for a staff decision, `reports` when readers' reports hide a comment, `appeal` when its author appeals a rejection (from `rejected`) and when a moderator decides that appeal (from `pending`). */
  source: DecisionSource
  reasons: Decision['reasons']
  reason?: string | null
  policyVersion: string
  req: PayloadRequest
}

export type Options = {
  /** Slugs of the collections whose documents take comments (e.g. `['blogs', 'interviews']`). */
  collections: string[]
  /**
   * The auth collection whose users comment when logged in.
   * @default 'members'
   */
  authorCollection?: string
  /**
   * The staff auth collection (moderators, admins).
   * @default 'users'
   */
  staffCollection?: string
  /**
   * Deepest reply nesting: a top-level comment is depth 1.
   * @default 3
   */
  maxReplyDepth?: number
  /**
   * Days after which the hashed client address and user agent are erased.
   * @default 30
   */
  clientDataRetentionDays?: number
  /**
   * Who may moderate.
   * @default a staff user whose `roles` include `admin` or `moderator`
   */
  isModerator?: (user: PayloadRequest['user']) => boolean
  /**
   * The client's address for flood control.
   * @default the first `x-forwarded-for` entry
   */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /**
   * The host's own rules, ordered with the built-in ones by `order` (built-ins use 10–50).
   * @default []
   */
  rules?: CommentRule[]
  /**
   * Called after every decision is written; errors are logged and never fail the write.
   * @default none
   */
  onDecision?: (event: DecisionEvent) => void | Promise<void>
  /**
   * Addresses for moderator emails.
   * @default every staff user `isModerator` accepts
   */
  moderatorEmails?: (payload: Payload) => Promise<string[]>
  /**
   * Cron (with seconds) for the digest of newly held comments.
   * @default '0 0 * * * *' (hourly)
   */
  digestSchedule?: string
  /**
   * A frontend address for a commented document, used in emails.
   * @default none (no link)
   */
  documentURL?: (args: { collection: string; doc: Record<string, unknown> }) => string | undefined
  /**
   * Where the per-comment report locks and the public stats cache live. Several instances should
   * share them (e.g. Redis, wired by the host).
   * @default this process's memory
   */
  shared?: Pick<SharedState, 'lock' | 'cache'>
  /**
   * Changes to the `comments` collection (its hooks and endpoints run after the plugin's).
   * @default none
   */
  commentsOverrides?: CollectionOverrides
  /**
   * Changes to the `comment-decisions` collection (the moderation log).
   * @default none
   */
  commentDecisionsOverrides?: CollectionOverrides
  /**
   * Keep the schema (fields, collections, global, field access) but switch moderation off: no
   * rules, decisions or decision log on comments (a comment is still posted in its poster's own
   * name). The endpoints and the tasks stay.
   * @default false
   */
  disabled?: boolean
}

/** The options after `sanitizeOptions`: every default applied. */
export type SanitizedOptions = {
  collections: string[]
  authorCollection: string
  staffCollection: string
  maxReplyDepth: number
  clientDataRetentionDays: number
  isModerator: (user: PayloadRequest['user']) => boolean
  clientAddress: (req: PayloadRequest) => string | undefined
  rules: CommentRule[]
  onDecision?: Options['onDecision']
  moderatorEmails?: Options['moderatorEmails']
  digestSchedule: string
  documentURL?: Options['documentURL']
  shared: { lock: KeyedLock; cache: ValueCache }
  commentsOverrides?: CollectionOverrides
  commentDecisionsOverrides?: CollectionOverrides
  disabled: boolean
}
