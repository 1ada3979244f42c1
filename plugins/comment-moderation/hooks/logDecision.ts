import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'

import {
  COMMENT_STATUS,
  COMMENTS_SLUG,
  type CommentStatus,
  DECISIONS_SLUG,
  POLICY_SLUG,
  RULE,
} from '../constants'
import { takeDecision, takeStatusChange } from '../context'
import { appealOutcomeEmail } from '../email/appealOutcome'
import { moderatorAddresses, sendSafely } from '../email/notify'
import {
  decisionEmail,
  moderatorAlertEmail,
  safeguardingReplyEmail,
  urgentModeratorEmail,
} from '../email/templates'
import type { DecisionEvent, SanitizedOptions } from '../types'
import { hashClientValue } from '../utilities/clientData'
import { loadPolicy } from '../utilities/policy'

type CommentDoc = {
  id: number | string
  body: string
  status: CommentStatus
  author?: number | string | { id: number | string } | null
  authorName?: string | null
  authorEmail?: string | null
  target?: { relationTo: string; value: unknown }
  policyVersion?: string | null
  createdAt?: string | null
  appeal?: { reason?: string | null } | null
}

/**
 * Appends every decision to the moderation log (inside the write's transaction), then, outside of
 * it and without failing it, tells the host (`onDecision`) and emails the people concerned.
 */
export const logDecision =
  (options: SanitizedOptions): CollectionAfterChangeHook<CommentDoc> =>
  async ({ doc, data, operation, req }) => {
    // On create, `doc` has been read as the poster may read it (a guest may not read their own
    // email address); the written data still has it, for the emails below.
    const comment: CommentDoc =
      operation === 'create' && typeof data.authorEmail === 'string'
        ? { ...doc, authorEmail: data.authorEmail }
        : doc
    let event: Omit<DecisionEvent, 'req'> | null = null

    const decision = operation === 'create' ? takeDecision(req) : undefined
    if (decision) {
      event = {
        commentId: comment.id,
        from: null,
        to: decision.status,
        source: 'rules',
        reasons: decision.reasons,
        policyVersion: decision.policyVersion,
      }
    }
    const change = operation === 'update' ? takeStatusChange(req, comment.id) : undefined
    if (change) {
      const policy = await loadPolicy(req)
      event = {
        commentId: comment.id,
        from: change.from,
        to: change.to,
        source: change.source,
        // A decision on the urgent lane cites the safeguarding clause as well as the moderator's.
        reasons: [
          { rule: change.source, clause: change.clause },
          ...(change.urgent
            ? [{ rule: RULE.safeguarding, clause: policy.ruleClauses[RULE.safeguarding] ?? null }]
            : []),
        ],
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
        by:
          event.source === 'moderator' ||
          (event.source === 'appeal' && req.user?.collection === options.staffCollection)
            ? (req.user?.id ?? null)
            : null,
        reason: event.reason ?? null,
        clauses: [
          ...new Set(
            event.reasons
              .map((reason) => reason.clause)
              .filter((clause): clause is string => Boolean(clause)),
          ),
        ],
        rules: event.reasons.map((reason) => reason.rule),
        policyVersion: event.policyVersion,
        decidedAt: new Date().toISOString(),
      },
    })

    // Not awaited: observers and emails never hold up or fail the write.
    void afterDecision(options, comment, event, req, change?.urgent === true)
    if (decision?.urgent) void afterUrgentHold(options, comment, req)
    // An appeal whose reason the safeguarding lane holds: the same at-once alert and reply.
    if (change?.source === 'appeal' && change.from === COMMENT_STATUS.rejected && change.urgent)
      void afterUrgentHold(options, comment, req, doc.appeal?.reason ?? null)
    return doc
  }

/** Observers and emails: errors are logged, never thrown. */
const afterDecision = async (
  options: SanitizedOptions,
  comment: CommentDoc,
  event: Omit<DecisionEvent, 'req'>,
  req: PayloadRequest,
  wasUrgent: boolean,
) => {
  const { payload } = req
  if (options.onDecision) {
    try {
      await options.onDecision({ ...event, req })
    } catch (err) {
      payload.logger.error({ err, msg: 'comment-moderation: onDecision failed' })
    }
  }
  const wasHeld = event.from === COMMENT_STATUS.pending
  const settledByModerator =
    event.source === 'moderator' &&
    (event.to === COMMENT_STATUS.approved || event.to === COMMENT_STATUS.rejected)
  if (wasHeld && settledByModerator) {
    const recipient = await authorAddress(req, options, comment)
    if (recipient) {
      const clauseNumber = event.reasons[0]?.clause ?? null
      await sendSafely(
        payload,
        recipient.email,
        decisionEmail({
          authorName: recipient.name,
          approved: event.to === COMMENT_STATUS.approved,
          commentBody: comment.body,
          // Words that suggested the author may be at risk are not repeated to their inbox.
          withoutExcerpt: wasUrgent,
          clause: clauseNumber
            ? { number: clauseNumber, title: await clauseTitle(req, clauseNumber) }
            : null,
          reason: event.reason,
          documentURL: comment.target
            ? options.documentURL?.({
                collection: comment.target.relationTo,
                doc: { id: comment.target.value },
              })
            : undefined,
        }),
      )
    }
  }
  // An appeal decided: the author hears the outcome (the decision email above is for first decisions).
  if (event.source === 'appeal' && event.from === COMMENT_STATUS.pending) {
    const recipient = await authorAddress(req, options, comment)
    const clauseNumber = event.reasons[0]?.clause ?? null
    if (recipient)
      await sendSafely(
        payload,
        recipient.email,
        appealOutcomeEmail({
          authorName: recipient.name,
          overturned: event.to === COMMENT_STATUS.approved,
          commentBody: comment.body,
          clause: clauseNumber
            ? { number: clauseNumber, title: await clauseTitle(req, clauseNumber) }
            : null,
          note: event.reason,
          documentURL: comment.target
            ? options.documentURL?.({
                collection: comment.target.relationTo,
                doc: { id: comment.target.value },
              })
            : undefined,
        }),
      )
  }
  if (event.source === 'reports') {
    await sendSafely(
      payload,
      await moderatorAddresses(payload, options),
      moderatorAlertEmail({
        heading: 'A comment was hidden after readers reported it',
        comments: [
          {
            id: comment.id,
            body: comment.body,
            rules: [RULE.reported],
            adminURL: `${payload.config.serverURL}/admin/collections/${COMMENTS_SLUG}/${comment.id}`,
          },
        ],
      }),
    )
  }
}

/** The automatic reply goes to one address at most once in this long. */
const SAFEGUARDING_REPLY_INTERVAL_MS = 24 * 60 * 60 * 1000

/**
 * The urgent lane: moderators are emailed at once (with the comment: they are the only ones who
 * read it), and the author gets the policy's kind reply with where to find help (never the
 * comment's text, which an email could expose to whoever reads the author's inbox).
 *
 * A guest types any address, so the reply could be aimed at someone else's inbox, once per comment:
 * each address gets it at most once a day (remembered in the shared cache under a keyed hash of the
 * address, never the address itself). Moderators are alerted for every comment. The comment is
 * marked notified only once their alert was sent, so the hourly digest retries one that failed.
 */
const afterUrgentHold = async (
  options: SanitizedOptions,
  comment: CommentDoc,
  req: PayloadRequest,
  appealReason: string | null = null,
) => {
  const { payload } = req
  try {
    const policy = await loadPolicy(req)
    const alerted = await sendSafely(
      payload,
      await moderatorAddresses(payload, options),
      urgentModeratorEmail({
        id: comment.id,
        body: comment.body,
        heldAt: appealReason
          ? new Date().toISOString()
          : (comment.createdAt ?? new Date().toISOString()),
        appealReason,
        adminURL: `${payload.config.serverURL}/admin/collections/${COMMENTS_SLUG}/${comment.id}`,
      }),
    )
    const recipient = await authorAddress(req, options, comment)
    if (recipient) {
      const key = `comment-moderation:safeguarding-reply:${hashClientValue(payload.secret, recipient.email.toLowerCase())}`
      // One at a time per address, so two comments at once cannot both find the cache empty.
      await options.shared.lock(key, async () => {
        if (await options.shared.cache.get(key)) return
        const sent = await sendSafely(
          payload,
          recipient.email,
          safeguardingReplyEmail({
            subject: policy.safeguardingReplySubject,
            text: policy.safeguardingReply,
          }),
        )
        if (sent) await options.shared.cache.set(key, '1', SAFEGUARDING_REPLY_INTERVAL_MS)
      })
    }
    // Straight to the adapter, after the write has committed (no `req`): a private field, with no
    // hooks or access to run and nothing a public read (or a host's read cache) ever shows.
    if (alerted)
      await payload.db.updateOne({
        collection: COMMENTS_SLUG,
        id: comment.id,
        data: { moderatorsNotifiedAt: new Date().toISOString() },
        returning: false,
      })
  } catch (err) {
    payload.logger.error({ err, msg: 'comment-moderation: safeguarding emails failed' })
  }
}

const authorAddress = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  comment: CommentDoc,
) => {
  if (comment.authorEmail)
    return { email: comment.authorEmail, name: comment.authorName ?? 'there' }
  if (!comment.author) return null
  try {
    const member = await req.payload.findByID({
      collection: options.authorCollection,
      id: extractID(comment.author),
      depth: 0,
      overrideAccess: true,
    })
    return typeof member.email === 'string' && member.email
      ? { email: member.email, name: typeof member.name === 'string' ? member.name : 'there' }
      : null
  } catch {
    return null
  }
}

const clauseTitle = async (req: PayloadRequest, clauseNumber: string) => {
  const policy = await req.payload.findGlobal({ slug: POLICY_SLUG, overrideAccess: true, depth: 0 })
  const clauses: { number?: unknown; title?: unknown }[] = Array.isArray(policy.clauses)
    ? policy.clauses
    : []
  const title = clauses.find((clause) => clause.number === clauseNumber)?.title
  return typeof title === 'string' ? title : null
}
