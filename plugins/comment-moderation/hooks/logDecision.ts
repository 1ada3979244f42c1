import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { COMMENT_STATUS, type CommentStatus, DECISIONS_SLUG } from '../constants'
import { moderatorAddresses, sendSafely } from '../email/notify'
import { decisionEmail, moderatorAlertEmail } from '../email/templates'
import { loadPolicy } from '../policy'
import type { Decision } from '../rules/types'
import type { DecisionEvent, ResolvedOptions } from '../types'
import { changeKey, type PendingChange } from './recordModeratorDecision'

type CommentDoc = {
  id: number | string
  body: string
  status: CommentStatus
  author?: number | string | { id: number | string } | null
  authorName?: string | null
  authorEmail?: string | null
  target?: { relationTo: string; value: unknown }
  policyVersion?: string | null
}

/**
 * Appends every decision to the moderation log (inside the write's transaction), then, outside of
 * it and without failing it, tells the host (`onDecision`) and emails the people concerned.
 */
export const logDecision =
  (options: ResolvedOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (options.disabled) return doc
    const comment = doc as CommentDoc
    let event: Omit<DecisionEvent, 'req'> | null = null

    if (operation === 'create' && req.context.commentDecision) {
      const decision = req.context.commentDecision as Decision
      delete req.context.commentDecision
      event = { commentId: comment.id, from: null, to: decision.status, source: 'rules', reasons: decision.reasons, policyVersion: decision.policyVersion }
    }
    const change = req.context[changeKey(comment.id)] as PendingChange | undefined
    if (operation === 'update' && change) {
      delete req.context[changeKey(comment.id)]
      const policy = await loadPolicy(req)
      event = {
        commentId: comment.id,
        from: change.from as CommentStatus,
        to: change.to as CommentStatus,
        source: change.source,
        reasons: [{ rule: change.source, clause: change.clause }],
        reason: change.reason,
        policyVersion: policy.version,
      }
    }
    if (!event) return doc

    // The log is append-only and written by the plugin alone: the adapter's create skips the
    // document pipeline (access, hooks, validation) that a Local API create would run per comment.
    await req.payload.db.create({
      collection: DECISIONS_SLUG,
      req,
      // Nothing reads the row back here: skip the select that would return it.
      returning: false,
      data: {
        comment: comment.id,
        from: event.from,
        to: event.to,
        source: event.source,
        by: event.source === 'moderator' ? (req.user?.id ?? null) : null,
        reason: event.reason ?? null,
        clauses: [...new Set(event.reasons.map((reason) => reason.clause).filter((clause): clause is string => Boolean(clause)))],
        rules: event.reasons.map((reason) => reason.rule),
        policyVersion: event.policyVersion,
        decidedAt: new Date().toISOString(),
      },
    })

    const settled = event
    void afterDecision(options, comment, settled, req)
    return doc
  }

/** Observers and emails: errors are logged, never thrown. */
const afterDecision = async (options: ResolvedOptions, comment: CommentDoc, event: Omit<DecisionEvent, 'req'>, req: PayloadRequest) => {
  const { payload } = req
  if (options.onDecision) {
    try {
      await options.onDecision({ ...event, req })
    } catch (err) {
      payload.logger.error({ err, msg: 'comment-moderation: onDecision failed' })
    }
  }
  const wasHeld = event.from === COMMENT_STATUS.pending
  const settledByModerator = event.source === 'moderator' && (event.to === COMMENT_STATUS.approved || event.to === COMMENT_STATUS.rejected)
  if (wasHeld && settledByModerator) {
    const recipient = await authorAddress(req, options, comment)
    if (recipient) {
      const clauseNumber = event.reasons[0]?.clause ?? null
      await sendSafely(payload, recipient.email, decisionEmail({
        authorName: recipient.name,
        approved: event.to === COMMENT_STATUS.approved,
        commentBody: comment.body,
        clause: clauseNumber ? { number: clauseNumber, title: await clauseTitle(req, clauseNumber) } : null,
        reason: event.reason,
        documentURL: comment.target ? options.documentURL?.({ collection: comment.target.relationTo, doc: { id: comment.target.value } }) : undefined,
      }))
    }
  }
  if (event.source === 'reports') {
    await sendSafely(payload, await moderatorAddresses(payload, options), moderatorAlertEmail({
      heading: 'A comment was hidden after readers reported it',
      comments: [{ id: comment.id, body: comment.body, rules: ['reported'], adminURL: `${payload.config.serverURL}/admin/collections/comments/${comment.id}` }],
    }))
  }
}

const authorAddress = async (req: PayloadRequest, options: ResolvedOptions, comment: CommentDoc) => {
  if (comment.authorEmail) return { email: comment.authorEmail, name: comment.authorName ?? 'there' }
  const authorId = typeof comment.author === 'object' && comment.author ? comment.author.id : comment.author
  if (!authorId) return null
  try {
    const member = (await req.payload.findByID({ collection: options.authorCollection as never, id: authorId, depth: 0, overrideAccess: true })) as { email?: string; name?: string }
    return member.email ? { email: member.email, name: member.name ?? 'there' } : null
  } catch {
    return null
  }
}

const clauseTitle = async (req: PayloadRequest, clauseNumber: string) => {
  const policy = (await req.payload.findGlobal({ slug: 'comment-policy' as never, overrideAccess: true, depth: 0 })) as { clauses?: { number: string; title?: string }[] }
  return policy.clauses?.find((clause) => clause.number === clauseNumber)?.title ?? null
}
