import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { hashClientValue } from '../clientData'
import { CommentingState, type CommentingStateData } from '../commentingState'
import { COMMENT_STATUS, COMMENTS_SLUG, MESSAGES } from '../constants'
import { fieldError, refusal } from '../errors'
import { loadPolicy } from '../policy'
import { decide, orderRules } from '../rules/decide'
import type { ResolvedOptions } from '../types'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Keeps what the client actually sent for `policyAccepted` before Payload coerces checkbox values
 * (the string "true" would otherwise pass as the boolean true).
 */
export const captureRawInput: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create') {
    const data = (args as { data?: Record<string, unknown> }).data
    req.context.commentRawInput = { policyAccepted: data?.policyAccepted, policyVersion: data?.policyVersion }
  }
  return args
}

type TargetRef = { relationTo?: unknown; value?: unknown }
type ParentDoc = { id: number | string; status: string; depth?: number | null; target?: { relationTo: string; value: unknown } }

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

/** Days since a date, or null. */
const daysSince = (date: unknown, now: Date) =>
  typeof date === 'string' && date ? (now.getTime() - new Date(date).getTime()) / 86_400_000 : null

/**
 * Everything a new comment must pass before it is stored, then the moderation decision. Refusals
 * are 4xx errors naming the field or the problem; nothing is written when one is thrown.
 */
export const prepareNewComment =
  (options: ResolvedOptions): CollectionBeforeValidateHook =>
  async ({ data = {}, operation, req }) => {
    if (operation !== 'create' || req.context?.seeding) return data
    // Moderation off: no rules, but a comment is still posted in the caller's own name (field access
    // has already dropped every server-set field the client sent).
    if (options.disabled) return { ...data, ...authorship(req, options) }
    const now = new Date()
    const policy = await loadPolicy(req)
    const raw = { ...data, ...(req.context.commentRawInput as Record<string, unknown> | undefined) }

    if (raw.policyAccepted !== true) {
      throw fieldError('policyAccepted', typeof raw.policyAccepted === 'boolean' || raw.policyAccepted === undefined
        ? MESSAGES.policyNotAccepted
        : 'policyAccepted must be the boolean true.')
    }
    if (raw.policyVersion !== undefined && raw.policyVersion !== null && String(raw.policyVersion) !== policy.version) {
      throw fieldError('policyVersion', `${MESSAGES.policyVersionStale} (current version: ${policy.version})`)
    }

    const user = req.user
    const isMember = user?.collection === options.authorCollection
    if (!isMember) {
      if (!policy.allowGuests) throw refusal(MESSAGES.guestsNotAllowed, 403)
      const name = typeof raw.authorName === 'string' ? raw.authorName.trim() : ''
      const email = typeof raw.authorEmail === 'string' ? raw.authorEmail.trim().toLowerCase() : ''
      if (!name) throw fieldError('authorName', MESSAGES.guestFieldsRequired)
      if (!EMAIL.test(email)) throw fieldError('authorEmail', MESSAGES.guestFieldsRequired)
    }

    const target = await findTarget(req, options, data.target as TargetRef | undefined)
    if (target.doc.commentsEnabled === false) throw refusal(MESSAGES.closed, 403)
    const age = daysSince(target.doc.publishedAt, now)
    if (policy.closeAfterDays && age !== null && age > policy.closeAfterDays) throw refusal(MESSAGES.closed, 403)

    if (isMember && user) {
      const member = await req.payload.db.findOne<{ id: number | string; commenting?: CommentingStateData }>({
        collection: options.authorCollection as CollectionSlug,
        where: { id: { equals: user.id } },
        req,
      })
      const state = CommentingState.from(member?.commenting)
      if (!state.canComment(now)) {
        const until = state.bannedUntil ? ` until ${state.bannedUntil.toISOString().slice(0, 10)}` : ''
        throw refusal(`${MESSAGES.banned}${until}: ${state.banReason ?? 'see the comments policy'}.`, 403)
      }
    }

    const depth = await replyDepth(req, options, data.parent, target)

    const clientHash = hashClientValue(req.payload.secret, options.clientAddress(req))
    const authorEmail = isMember ? null : String(raw.authorEmail).trim().toLowerCase()
    const authorWhere: Where = isMember ? { author: { equals: user?.id } } : { authorEmail: { equals: authorEmail } }
    if (policy.floodIntervalSeconds > 0) {
      const since = new Date(now.getTime() - policy.floodIntervalSeconds * 1000).toISOString()
      const sameSource: Where[] = [authorWhere, ...(clientHash ? [{ ipHash: { equals: clientHash } }] : [])]
      const recent = await req.payload.db.count({
        collection: COMMENTS_SLUG as never,
        where: { and: [{ createdAt: { greater_than: since } }, { or: sameSource }] },
        req,
      })
      if (recent.totalDocs > 0) throw refusal(MESSAGES.flood, 429)
    }

    // Counts straight from the adapter, as the lookups above: no access or hooks to run for a number.
    const { totalDocs: approvedBefore } = await req.payload.db.count({
      collection: COMMENTS_SLUG as never,
      where: { and: [authorWhere, { status: { equals: COMMENT_STATUS.approved } }] },
      req,
    })
    const decision = await decide(
      { body: String(data.body ?? ''), authorKind: isMember ? 'member' : 'guest' },
      { approvedCommentsByAuthor: approvedBefore },
      policy,
      orderRules(options.rules),
    )
    req.context.commentDecision = decision

    return {
      ...data,
      target: { relationTo: target.collection, value: target.doc.id },
      author: isMember ? user?.id : null,
      authorName: isMember ? null : String(raw.authorName).trim(),
      authorEmail,
      depth,
      status: decision.status,
      needsReview: decision.status === COMMENT_STATUS.pending,
      reasons: decision.reasons,
      policyVersion: policy.version,
      ipHash: clientHash,
      userAgentHash: hashClientValue(req.payload.secret, req.headers.get('user-agent')),
      reports: [],
      reportCount: 0,
    }
  }

/**
 * A member's comment is by that member. Guests' `author` was dropped by field access (a server-side
 * Local API call may set it).
 */
const authorship = (req: PayloadRequest, options: ResolvedOptions) => {
  const user = req.user
  return user?.collection === options.authorCollection ? { author: user.id, authorName: null, authorEmail: null } : {}
}

type Target = { collection: string; doc: { id: number | string; commentsEnabled?: boolean | null; publishedAt?: unknown } }

/** The commented document: in an enabled collection, existing and (where drafts exist) published. */
const findTarget = async (req: PayloadRequest, options: ResolvedOptions, ref: TargetRef | undefined): Promise<Target> => {
  const collection = typeof ref?.relationTo === 'string' ? ref.relationTo : ''
  const id = idOf(ref?.value)
  if (!options.collections.includes(collection) || !id) throw fieldError('target', MESSAGES.unknownTarget)
  const hasDrafts = Boolean(req.payload.collections[collection as CollectionSlug]?.config.versions?.drafts)
  const where: Where = { and: [{ id: { equals: id } }, ...(hasDrafts ? [{ _status: { equals: 'published' } }] : [])] }
  // Straight from the adapter: only three columns matter here, and the target's own read hooks
  // (populated bylines and the like) would cost a query per comment for nothing.
  const doc = await req.payload.db.findOne<Target['doc']>({ collection: collection as CollectionSlug, where, req })
  if (!doc) throw fieldError('target', MESSAGES.unknownTarget)
  return { collection, doc }
}

/** 1 for a top-level comment; a reply must answer an approved comment on the same document. */
const replyDepth = async (req: PayloadRequest, options: ResolvedOptions, parentRef: unknown, target: Target): Promise<number> => {
  const parentId = idOf(parentRef)
  if (!parentId) return 1
  const parent = (await req.payload.db.findOne<ParentDoc>({ collection: COMMENTS_SLUG, where: { id: { equals: parentId } }, req })) ?? undefined
  const sameTarget = parent?.target?.relationTo === target.collection && String(idOf(parent?.target?.value)) === String(target.doc.id)
  if (!parent || !sameTarget || parent.status !== COMMENT_STATUS.approved) throw fieldError('parent', MESSAGES.parentInvalid)
  const depth = (parent.depth ?? 1) + 1
  if (depth > options.maxReplyDepth) throw fieldError('parent', `${MESSAGES.parentTooDeep} (at most ${options.maxReplyDepth} levels)`)
  return depth
}
