import type { Payload, PayloadRequest } from 'payload'

import type { CommentStatus } from './constants'
import type { CommentRule, Decision } from './rules/types'
import type { KeyedLock, SharedState, ValueCache } from '../shared/sharedState'

export type { CommentRule, Decision } from './rules/types'

/** What `onDecision` observers receive: every automatic and every moderator decision. */
export type DecisionEvent = {
  commentId: number | string
  from: CommentStatus | null
  to: CommentStatus
  /** `rules` for the automatic decision on posting, `moderator` for a staff decision, `reports` when readers' reports hide a comment. */
  source: 'rules' | 'moderator' | 'reports'
  reasons: Decision['reasons']
  reason?: string | null
  policyVersion: string
  req: PayloadRequest
}

export type CommentModerationOptions = {
  /** Slugs of the collections whose documents take comments (e.g. `['blogs', 'interviews']`). */
  collections: string[]
  /** The auth collection whose users comment when logged in. Default `members`. */
  authorCollection?: string
  /** The staff auth collection (moderators, admins). Default `users`. */
  staffCollection?: string
  /** Deepest reply nesting: a top-level comment is depth 1. Default 3. */
  maxReplyDepth?: number
  /** Days after which the hashed client address and user agent are erased. Default 30. */
  clientDataRetentionDays?: number
  /** Who may moderate. Default: a staff user whose `roles` include `admin` or `moderator`. */
  isModerator?: (user: PayloadRequest['user']) => boolean
  /** The client's address for flood control. Default: the first `x-forwarded-for` entry. */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /** The host's own rules, ordered with the built-in ones by `order` (built-ins use 10–50). */
  rules?: CommentRule[]
  /** Called after every decision is written; errors are logged and never fail the write. */
  onDecision?: (event: DecisionEvent) => void | Promise<void>
  /** Addresses for moderator emails. Default: every staff user `isModerator` accepts. */
  moderatorEmails?: (payload: Payload) => Promise<string[]>
  /** Cron (with seconds) for the digest of newly held comments. Default hourly: `0 0 * * * *`. */
  digestSchedule?: string
  /** A frontend address for a commented document, used in emails. Default: none (no link). */
  documentURL?: (args: { collection: string; doc: Record<string, unknown> }) => string | undefined
  /**
   * Where the per-comment report locks and the public stats cache live. Default: this process's
   * memory. Several instances should share them (e.g. Redis, wired by the host).
   */
  shared?: Pick<SharedState, 'lock' | 'cache'>
  /** Keep the schema (fields, collections) but switch every behaviour off. */
  disabled?: boolean
}

export type ResolvedOptions = Required<Omit<CommentModerationOptions, 'onDecision' | 'documentURL' | 'moderatorEmails' | 'shared'>> &
  Pick<CommentModerationOptions, 'onDecision' | 'documentURL' | 'moderatorEmails'> & { shared: { lock: KeyedLock; cache: ValueCache } }
