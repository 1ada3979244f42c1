import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, JsonObject, PayloadRequest, TypeWithID } from 'payload'

import {
  APPEAL_FILED_REASON,
  APPEAL_MESSAGES,
  APPEAL_STATUS,
  COMMENT_STATUS,
  COMMENTS_SLUG,
  type CommentStatus,
} from '../constants'
import { setCommentContext } from '../context'
import { type AppealableComment, appealReason, appealRefusal } from '../rules/appeal'
import { findSafeguardingPhrases } from '../rules/safeguarding'
import type { SanitizedOptions } from '../types'
import { refusal } from '../utilities/errors'
import { loadPolicy } from '../utilities/policy'
import { readJsonBody } from '../utilities/readJsonBody'
import { relationshipID } from '../utilities/relationshipID'
import { APPEAL_DOC } from './docs'

type Reason = { clause?: string | null }
type Decision = { by?: unknown; at?: string | null; clause?: string | null }
type Appeal = { appealedAt?: string | null }
/** The appealed comment as read here, from the untyped document the Local API returns. */
type StoredComment = {
  id: number | string
  status: CommentStatus
  author?: unknown
  createdAt: string
  decision?: Decision | null
  reasons?: Reason[] | null
  appeal?: Appeal | null
}
const toStoredComment = (doc: JsonObject & TypeWithID): StoredComment => ({
  id: doc.id,
  status: doc.status,
  author: doc.author,
  createdAt: doc.createdAt,
  decision: doc.decision,
  reasons: doc.reasons,
  appeal: doc.appeal,
})

const toAppealable = (comment: StoredComment): AppealableComment => ({
  status: comment.status,
  authorId: relationshipID(comment.author),
  // A moderator's rejection has a date; a rejection by the rules was made as the comment was posted.
  rejectedAt: comment.decision?.at ?? comment.createdAt,
  appealedAt: comment.appeal?.appealedAt ?? null,
})

/** The relationship as stored, its type kept (a number on SQL, a string on MongoDB). */
const storedID = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'id' in value ? value.id : (value ?? null)

const findOwnComment = async (req: PayloadRequest, id: string, memberId: number | string) => {
  const { docs } = await req.payload.find({
    collection: COMMENTS_SLUG,
    where: { and: [{ id: { equals: id } }, { author: { equals: memberId } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? toStoredComment(docs[0]) : null
}

/**
 * `POST /api/comments/<id>/appeal` `{ reason }`: the member who wrote a rejected comment appeals,
 * once, within the policy's `appealWindowDays` of the rejection. Guests cannot appeal (they have
 * no account to prove the comment is theirs). The comment goes back to the queue (pending), the
 * decision log records the appeal (source `appeal`, without the author's text), and a different
 * moderator decides it (hooks/decideAppeal.ts). Appeals of one comment are taken one at a time.
 */
export const appealEndpoint = (options: SanitizedOptions): Endpoint =>
  documented<Endpoint>(
    {
      path: '/:id/appeal',
      method: 'post',
      handler: async (req) => {
        if (req.user?.collection !== options.authorCollection)
          throw refusal(APPEAL_MESSAGES.membersOnly, 401)
        const memberId = req.user.id
        const body = await readJsonBody(req)
        if (body instanceof Response) return body
        const id = String(req.routeParams?.id ?? '')

        const outcome = await options.shared.lock(`comment-appeal:${id}`, async () => {
          const comment = await findOwnComment(req, id, memberId)
          const policy = await loadPolicy(req)
          const refused = appealRefusal(
            comment && toAppealable(comment),
            String(memberId),
            new Date(),
            policy.appealWindowDays,
          )
          if (refused === 'not-found' || !comment)
            return errorResponse(404, APPEAL_MESSAGES.notFound, 'id')
          if (refused === 'already-appealed') return refusal(APPEAL_MESSAGES.alreadyAppealed, 409)
          if (refused === 'not-rejected') return refusal(APPEAL_MESSAGES.notRejected, 409)
          if (refused === 'window-closed')
            return refusal(APPEAL_MESSAGES.windowClosed(policy.appealWindowDays), 403)
          const reason = appealReason(body.reason)
          if (!reason) return errorResponse(400, APPEAL_MESSAGES.reasonLength, 'reason')

          const clause =
            comment.decision?.clause ??
            comment.reasons?.find((entry) => entry.clause)?.clause ??
            null
          const appealedAt = new Date().toISOString()
          // Someone may be at risk whatever they are typing: an appeal is read by the lane's rule too.
          const urgent =
            policy.safeguardingLane &&
            findSafeguardingPhrases(reason, policy.safeguardingPhrases).length > 0
          setCommentContext(req, { appealFiled: { reason: APPEAL_FILED_REASON, clause } })
          await req.payload.update({
            collection: COMMENTS_SLUG,
            id: comment.id,
            data: {
              status: COMMENT_STATUS.pending,
              ...(urgent ? { urgent: true } : {}),
              // So the next moderators' digest lists it again.
              moderatorsNotifiedAt: null,
              appeal: {
                reason,
                appealedAt,
                status: APPEAL_STATUS.pending,
                rejectedBy: storedID(comment.decision?.by),
                decidedBy: null,
                decidedAt: null,
                note: null,
                clause,
              },
            },
            overrideAccess: true,
            req,
          })
          setCommentContext(req, { appealFiled: undefined })
          return { status: APPEAL_STATUS.pending, appealedAt }
        })
        // Refusals are thrown after the lock is released.
        if (outcome instanceof Response) return outcome
        if (outcome instanceof Error) throw outcome
        return Response.json({ message: APPEAL_MESSAGES.filed, appeal: outcome }, { status: 201 })
      },
    },
    APPEAL_DOC,
  )
