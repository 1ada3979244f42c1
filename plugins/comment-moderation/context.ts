import type { PayloadRequest } from 'payload'

import { type CommentStatus, CONTEXT_KEY, type DecisionSource } from './constants'
import type { Decision } from './rules/types'

/** What the client sent before Payload coerced it (the string "true" would pass as a checkbox's true). */
export type RawCommentInput = { policyAccepted?: unknown; policyVersion?: unknown }

/** A status change on an existing comment, from `beforeChange` to the decision log in `afterChange`. */
export type StatusChange = {
  from: CommentStatus
  to: CommentStatus
  source: Exclude<DecisionSource, 'rules'>
  reason: string | null
  clause: string | null
  /** The comment was in the urgent (safeguarding) lane: the decision cites its clause too. */
  urgent?: boolean
}

/** Why readers' reports hide a comment, handed by the report endpoint to the update it makes. */
export type ReportDecision = { reason: string; clause: string | null }

/** The plugin's state for one request, kept under one `req.context` key. */
export type CommentContext = {
  rawInput?: RawCommentInput
  /** The rules' decision on the comment being created. */
  decision?: Decision
  reportDecision?: ReportDecision
  /** Set by the appeal endpoint on the update that puts an appealed comment back in the queue. */
  appealFiled?: ReportDecision
  /** By comment id: one request may change several comments (a bulk decision in the admin). */
  statusChanges?: Record<string, StatusChange>
}

declare module 'payload' {
  interface RequestContext {
    /** comment-moderation's per-request state; read and written through context.ts only. */
    [CONTEXT_KEY]?: CommentContext
  }
}

/** This request's comment-moderation state (created on first use). */
export const getCommentContext = (req: PayloadRequest): CommentContext =>
  (req.context[CONTEXT_KEY] ??= {})

export const setCommentContext = (req: PayloadRequest, values: Partial<CommentContext>): void => {
  Object.assign(getCommentContext(req), values)
}

/** The rules' decision for the comment just created, forgotten once read. */
export const takeDecision = (req: PayloadRequest): Decision | undefined => {
  const context = getCommentContext(req)
  const { decision } = context
  delete context.decision
  return decision
}

export const setStatusChange = (
  req: PayloadRequest,
  commentId: number | string,
  change: StatusChange,
): void => {
  const context = getCommentContext(req)
  context.statusChanges = { ...context.statusChanges, [String(commentId)]: change }
}

/** The status change recorded for a comment in this request, forgotten once read. */
export const takeStatusChange = (
  req: PayloadRequest,
  commentId: number | string,
): StatusChange | undefined => {
  const changes = getCommentContext(req).statusChanges
  const change = changes?.[String(commentId)]
  if (changes) delete changes[String(commentId)]
  return change
}
