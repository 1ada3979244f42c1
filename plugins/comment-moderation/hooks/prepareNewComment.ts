import { EMAIL_ADDRESS } from '@q-community/plugin-shared/emailAddress'
import type { CollectionBeforeValidateHook, PayloadRequest, Where } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import { COMMENT_STATUS, COMMENTS_SLUG, MESSAGES } from '../constants'
import { getCommentContext, setCommentContext } from '../context'
import { CommentingState, type CommentingStateData } from '../rules/commentingState'
import { decide, orderRules } from '../rules/decide'
import type { Decision } from '../rules/types'
import type { SanitizedOptions } from '../types'
import { hashClientValue } from '../utilities/clientData'
import { fieldError, refusal } from '../utilities/errors'
import { type LoadedPolicy, loadPolicy } from '../utilities/policy'
import { relationshipID } from '../utilities/relationshipID'

/** Who is posting: a logged-in member (by id) or a guest (by name and email). */
type Poster =
  { kind: 'member'; id: number | string } | { kind: 'guest'; name: string; email: string }

type Target = {
  collection: string
  doc: { id: number | string; commentsEnabled?: boolean | null; publishedAt?: unknown }
}

/**
 * Everything a new comment must pass before it is stored, then the moderation decision. Refusals
 * are 4xx errors naming the field or the problem; nothing is written when one is thrown.
 */
export const prepareNewComment =
  (options: SanitizedOptions): CollectionBeforeValidateHook =>
  async ({ data = {}, operation, req }) => {
    if (operation !== 'create' || req.context?.seeding) return data
    const now = new Date()
    const policy = await loadPolicy(req)
    const raw: Record<string, unknown> = { ...data, ...getCommentContext(req).rawInput }

    checkPolicyAccepted(raw, policy)
    const poster = identifyPoster(req, options, raw, policy)
    const target = await findOpenTarget(req, options, data.target, policy, now)
    if (poster.kind === 'member') await checkNotBanned(req, options, poster.id, now)
    const depth = await replyDepth(req, options, data.parent, target)
    const clientHash = hashClientValue(req.payload.secret, options.clientAddress(req))
    await checkFlood(req, poster, clientHash, policy, now)
    // A guest's name is published beside the comment, so the rules read it too (a member's name
    // is their profile's, not typed with the comment).
    const published = [String(data.body ?? ''), poster.kind === 'guest' ? poster.name : '']
      .filter(Boolean)
      .join('\n')
    const decision = await decideComment(req, options, poster, published, policy)
    setCommentContext(req, { decision })

    return {
      ...data,
      target: { relationTo: target.collection, value: target.doc.id },
      author: poster.kind === 'member' ? poster.id : null,
      authorName: poster.kind === 'guest' ? poster.name : null,
      authorEmail: poster.kind === 'guest' ? poster.email : null,
      depth,
      status: decision.status,
      needsReview: decision.status === COMMENT_STATUS.pending,
      urgent: decision.urgent === true,
      // Set once moderators have been emailed: by the urgent lane's alert (logDecision) as soon as
      // it is sent, else by the hourly digest, which so also retries an urgent alert that failed.
      moderatorsNotifiedAt: null,
      reasons: decision.reasons,
      policyVersion: policy.version,
      ipHash: clientHash,
      userAgentHash: hashClientValue(req.payload.secret, req.headers.get('user-agent')),
      reports: [],
      reportCount: 0,
    }
  }

/** Policy: the author accepted the current version of the comments policy (the boolean true, as sent). */
const checkPolicyAccepted = (raw: Record<string, unknown>, policy: LoadedPolicy) => {
  if (raw.policyAccepted !== true) {
    throw fieldError(
      'policyAccepted',
      typeof raw.policyAccepted === 'boolean' || raw.policyAccepted === undefined
        ? MESSAGES.policyNotAccepted
        : 'policyAccepted must be the boolean true.',
    )
  }
  if (
    raw.policyVersion !== undefined &&
    raw.policyVersion !== null &&
    String(raw.policyVersion) !== policy.version
  ) {
    throw fieldError(
      'policyVersion',
      `${MESSAGES.policyVersionStale} (current version: ${policy.version})`,
    )
  }
}

/** Guest: a member posts in their own name; a guest, where the policy allows guests, gives a name and an email. */
const identifyPoster = (
  req: PayloadRequest,
  options: SanitizedOptions,
  raw: Record<string, unknown>,
  policy: LoadedPolicy,
): Poster => {
  const user = req.user
  if (user?.collection === options.authorCollection) return { kind: 'member', id: user.id }
  if (!policy.allowGuests) throw refusal(MESSAGES.guestsNotAllowed, 403)
  const name = typeof raw.authorName === 'string' ? raw.authorName.trim() : ''
  const email = typeof raw.authorEmail === 'string' ? raw.authorEmail.trim().toLowerCase() : ''
  if (!name) throw fieldError('authorName', MESSAGES.guestFieldsRequired)
  if (!EMAIL_ADDRESS.test(email)) throw fieldError('authorEmail', MESSAGES.guestFieldsRequired)
  return { kind: 'guest', name, email }
}

/** Days since a date, or null. */
const daysSince = (date: unknown, now: Date) =>
  typeof date === 'string' && date ? (now.getTime() - new Date(date).getTime()) / 86_400_000 : null

/** Target: an existing, published document of an enabled collection, still open for comments. */
const findOpenTarget = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  ref: unknown,
  policy: LoadedPolicy,
  now: Date,
): Promise<Target> => {
  const collection =
    ref !== null &&
    typeof ref === 'object' &&
    'relationTo' in ref &&
    typeof ref.relationTo === 'string'
      ? ref.relationTo
      : ''
  const id =
    ref !== null && typeof ref === 'object' && 'value' in ref ? relationshipID(ref.value) : null
  if (!options.collections.includes(collection) || !id)
    throw fieldError('target', MESSAGES.unknownTarget)
  const config = req.payload.collections[collection]?.config
  const hasDrafts = config ? hasDraftsEnabled(config) : false
  const where: Where = {
    and: [{ id: { equals: id } }, ...(hasDrafts ? [{ _status: { equals: 'published' } }] : [])],
  }
  // Straight from the adapter: only three columns matter here, and the target's own read hooks
  // (populated bylines and the like) would cost a query per comment for nothing.
  const doc = await req.payload.db.findOne<Target['doc']>({ collection, where, req })
  if (!doc) throw fieldError('target', MESSAGES.unknownTarget)
  if (doc.commentsEnabled === false) throw refusal(MESSAGES.closed, 403)
  const age = daysSince(doc.publishedAt, now)
  if (policy.closeAfterDays && age !== null && age > policy.closeAfterDays)
    throw refusal(MESSAGES.closed, 403)
  return { collection, doc }
}

/** Ban: a member whose commenting is suspended is refused, with the ban's end and reason. */
const checkNotBanned = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  memberId: number | string,
  now: Date,
) => {
  const member = await req.payload.db.findOne<{
    id: number | string
    commenting?: CommentingStateData
  }>({
    collection: options.authorCollection,
    where: { id: { equals: memberId } },
    req,
  })
  const state = CommentingState.from(member?.commenting)
  if (!state.canComment(now)) {
    const until = state.bannedUntil ? ` until ${state.bannedUntil.toISOString().slice(0, 10)}` : ''
    throw refusal(
      `${MESSAGES.banned}${until}: ${state.banReason ?? 'see the comments policy'}.`,
      403,
    )
  }
}

type ParentDoc = {
  id: number | string
  status: string
  depth?: number | null
  target?: { relationTo: string; value: unknown }
}

/** 1 for a top-level comment; a reply must answer an approved comment on the same document. */
const replyDepth = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  parentRef: unknown,
  target: Target,
): Promise<number> => {
  const parentId = relationshipID(parentRef)
  if (!parentId) return 1
  const parent =
    (await req.payload.db.findOne<ParentDoc>({
      collection: COMMENTS_SLUG,
      where: { id: { equals: parentId } },
      req,
    })) ?? undefined
  const sameTarget =
    parent?.target?.relationTo === target.collection &&
    String(relationshipID(parent?.target?.value)) === String(target.doc.id)
  if (!parent || !sameTarget || parent.status !== COMMENT_STATUS.approved)
    throw fieldError('parent', MESSAGES.parentInvalid)
  const depth = (parent.depth ?? 1) + 1
  if (depth > options.maxReplyDepth)
    throw fieldError(
      'parent',
      `${MESSAGES.parentTooDeep} (at most ${options.maxReplyDepth} levels)`,
    )
  return depth
}

/** The comments of the same author: the member, or the guest by email. */
const byPoster = (poster: Poster): Where =>
  poster.kind === 'member'
    ? { author: { equals: poster.id } }
    : { authorEmail: { equals: poster.email } }

/** Flood: no second comment from the same author or client address within the policy's interval. */
const checkFlood = async (
  req: PayloadRequest,
  poster: Poster,
  clientHash: string | null,
  policy: LoadedPolicy,
  now: Date,
) => {
  if (policy.floodIntervalSeconds <= 0) return
  const since = new Date(now.getTime() - policy.floodIntervalSeconds * 1000).toISOString()
  const sameSource: Where[] = [
    byPoster(poster),
    ...(clientHash ? [{ ipHash: { equals: clientHash } }] : []),
  ]
  const recent = await req.payload.db.count({
    collection: COMMENTS_SLUG,
    where: { and: [{ createdAt: { greater_than: since } }, { or: sameSource }] },
    req,
  })
  if (recent.totalDocs > 0) throw refusal(MESSAGES.flood, 429)
}

/** Decide: the rules' decision, given how many of the author's comments were approved before. */
const decideComment = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  poster: Poster,
  body: string,
  policy: LoadedPolicy,
): Promise<Decision> => {
  // Counted straight from the adapter, as the lookups above: no access or hooks to run for a number.
  const { totalDocs: approvedBefore } = await req.payload.db.count({
    collection: COMMENTS_SLUG,
    where: { and: [byPoster(poster), { status: { equals: COMMENT_STATUS.approved } }] },
    req,
  })
  return decide(
    { body, authorKind: poster.kind },
    { approvedCommentsByAuthor: approvedBefore },
    policy,
    orderRules(options.rules),
  )
}
