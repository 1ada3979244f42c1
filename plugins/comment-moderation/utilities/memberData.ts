import { readInPages } from '@q-community/plugin-shared/readInPages'
import type { PayloadRequest, Where } from 'payload'

import { COMMENTS_SLUG, DECISIONS_SLUG, REMOVED_COMMENT_BODY } from '../constants'
import { loadPolicy } from './policy'
import { relationshipID } from './relationshipID'

type Report = {
  id?: string
  member?: unknown
  reason?: string | null
  reportedAt?: string | null
  weight?: number | null
  outcome?: string | null
}

/** What a comment's export carries: the comment as its author may know it, and its decisions. */
const COMMENT_FIELDS = {
  target: true,
  parent: true,
  body: true,
  status: true,
  policyVersion: true,
  reasons: true,
  appeal: true,
  createdAt: true,
  updatedAt: true,
} as const

const DECISION_FIELDS = {
  from: true,
  to: true,
  source: true,
  reason: true,
  clauses: true,
  rules: true,
  policyVersion: true,
  decidedAt: true,
} as const

export type MemberCommentData = {
  /** The member's comments, each with `decisions` (its moderation history), in id order. */
  comments: AsyncIterable<Record<string, unknown>>
  /** The reports this member made: the comment reported, their reason, when, the weight it carried and its outcome (their record). */
  reportsMade: AsyncIterable<Record<string, unknown>>
}

/** Their appeal, without who moderated it (the log's rows in the export leave out `by` too). */
const withoutModerators = (appeal: unknown) => {
  if (!appeal || typeof appeal !== 'object') return null
  const {
    rejectedBy: _rejectedBy,
    decidedBy: _decidedBy,
    ...rest
  } = appeal as Record<string, unknown>
  return rest
}

async function* commentsOf(req: PayloadRequest, memberId: number | string, pageSize: number) {
  for await (const comment of readInPages(req, {
    collection: COMMENTS_SLUG,
    where: { author: { equals: memberId } },
    select: COMMENT_FIELDS,
    pageSize,
  })) {
    const { docs } = await req.payload.find({
      collection: DECISIONS_SLUG,
      where: { comment: { equals: comment.id } },
      sort: 'decidedAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: DECISION_FIELDS,
      req,
    })
    yield { ...comment, appeal: withoutModerators(comment.appeal), decisions: docs }
  }
}

async function* reportsBy(req: PayloadRequest, memberId: number | string, pageSize: number) {
  for await (const comment of readInPages(req, {
    collection: COMMENTS_SLUG,
    where: { 'reports.member': { equals: memberId } },
    select: { reports: true },
    pageSize,
  })) {
    for (const report of (comment.reports ?? []) as Report[]) {
      if (relationshipID(report.member) !== String(memberId)) continue
      yield {
        comment: comment.id,
        reason: report.reason ?? null,
        reportedAt: report.reportedAt,
        weight: report.weight ?? null,
        outcome: report.outcome ?? null,
      }
    }
  }
}

/**
 * A member's part of a subject access export (UK GDPR art. 15): their comments with the decisions
 * taken on them, and the reports they made. Read a page at a time as the caller iterates.
 */
export const memberDataExport = (
  req: PayloadRequest,
  memberId: number | string,
  { pageSize = 200 }: { pageSize?: number } = {},
): MemberCommentData => ({
  comments: commentsOf(req, memberId, pageSize),
  reportsMade: reportsBy(req, memberId, pageSize),
})

/** Every field of the group, so each adapter clears the same (a partial group is merged on SQL, replaced on MongoDB). */
const ERASED_APPEAL = {
  reason: null,
  appealedAt: null,
  status: null,
  rejectedBy: null,
  decidedBy: null,
  decidedAt: null,
  note: null,
  clause: null,
}

export type MemberCommentErasure = { commentsAnonymised: number; reportsAnonymised: number }

/**
 * Erases a member from the comments in `req`'s transaction: their comments stay under
 * `displayName` (e.g. "Former member") without author, email or hashed client data, with the body
 * removed or kept as the policy's `erasedCommentBody` says; their reports stay, without them.
 * Decision-log rows name only staff, so they keep their rows.
 */
export const eraseMemberComments = async (
  req: PayloadRequest,
  memberId: number | string,
  { displayName, email }: { displayName: string; email?: string | null },
): Promise<MemberCommentErasure> => {
  const policy = await loadPolicy(req)
  const byAuthor: Where = { author: { equals: memberId } }
  const { docs, errors } = await req.payload.update({
    collection: COMMENTS_SLUG,
    // Comments they left as a guest with the same address are theirs too.
    where: email ? { or: [byAuthor, { authorEmail: { equals: email } }] } : byAuthor,
    data: {
      author: null,
      authorName: displayName,
      authorEmail: null,
      ipHash: null,
      userAgentHash: null,
      // Their appeal's words go with them; the decision log keeps that it was filed and decided.
      appeal: ERASED_APPEAL,
      ...(policy.erasedCommentBody === 'keep' ? {} : { body: REMOVED_COMMENT_BODY }),
    },
    depth: 0,
    overrideAccess: true,
    select: { id: true },
    req,
  })
  // A partial erasure must not commit: the caller's transaction rolls back on this.
  if (errors.length) throw new Error(`could not anonymise ${errors.length} comments`)
  let reportsAnonymised = 0
  for await (const comment of readInPages(req, {
    collection: COMMENTS_SLUG,
    where: { 'reports.member': { equals: memberId } },
    select: { reports: true },
  })) {
    const reports = ((comment.reports ?? []) as Report[]).map((report) => {
      if (relationshipID(report.member) !== String(memberId)) return report
      reportsAnonymised += 1
      return { ...report, member: null }
    })
    await req.payload.update({
      collection: COMMENTS_SLUG,
      id: comment.id as number | string,
      data: { reports },
      depth: 0,
      overrideAccess: true,
      select: { id: true },
      req,
    })
  }
  return { commentsAnonymised: docs.length, reportsAnonymised }
}
