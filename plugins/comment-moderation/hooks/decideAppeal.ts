import type { CollectionBeforeChangeHook } from 'payload'

import { APPEAL_MESSAGES, APPEAL_STATUS, COMMENT_STATUS, type CommentStatus } from '../constants'
import { getCommentContext, setStatusChange } from '../context'
import { appealOutcome, mayDecideAppeal } from '../rules/appeal'
import type { SanitizedOptions } from '../types'
import { refusal } from '../utilities/errors'
import { relationshipID } from '../utilities/relationshipID'

/** A relationship as stored (an id, or the document at depth > 0) back to the id, its type kept. */
const storedID = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'id' in value ? value.id : (value ?? null)

type StoredAppeal = {
  reason?: string | null
  appealedAt?: string | null
  status?: string | null
  rejectedBy?: unknown
  clause?: string | null
}

/**
 * A moderator's status change on a comment whose appeal is pending decides the appeal: it must be
 * a different moderator from the one who rejected it (403), the outcome is stored on the comment,
 * and the decision log records it with source `appeal` (recordModeratorDecision ran first and
 * recorded the change as the moderator's). logDecision then emails the author the outcome.
 */
export const decideAppeal =
  (options: SanitizedOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc) return data
    const appeal: StoredAppeal | null | undefined = originalDoc.appeal
    const context = getCommentContext(req)
    const staffId = req.user?.collection === options.staffCollection ? String(req.user.id) : null
    // An overturned rejection cannot be made again by the moderator it overturned: the author has
    // no second appeal, so that would undo the appeal.
    if (
      appeal?.status === APPEAL_STATUS.overturned &&
      data.status !== undefined &&
      data.status !== originalDoc.status &&
      appealOutcome(data.status) === APPEAL_STATUS.upheld &&
      !mayDecideAppeal(staffId, relationshipID(appeal.rejectedBy))
    )
      throw refusal(APPEAL_MESSAGES.overturnedByOther, 403)
    if (
      appeal?.status !== APPEAL_STATUS.pending ||
      originalDoc.status !== COMMENT_STATUS.pending ||
      data.status === undefined ||
      data.status === originalDoc.status ||
      context.appealFiled ||
      context.reportDecision
    )
      return data
    const to: CommentStatus = data.status
    const outcome = appealOutcome(to)
    if (!outcome) return data
    if (!mayDecideAppeal(staffId, relationshipID(appeal.rejectedBy)))
      throw refusal(APPEAL_MESSAGES.sameModerator, 403)

    const recorded = context.statusChanges?.[String(originalDoc.id)]
    // The moderator's clause, else the clause the comment was rejected under: the email cites one.
    const clause = recorded?.clause ?? appeal.clause ?? null
    if (recorded) setStatusChange(req, originalDoc.id, { ...recorded, source: 'appeal', clause })
    return {
      ...data,
      appeal: {
        ...appeal,
        rejectedBy: storedID(appeal.rejectedBy),
        status: outcome,
        decidedBy: staffId === null ? null : req.user?.id,
        decidedAt: new Date().toISOString(),
        note: recorded?.reason ?? null,
        clause,
      },
    }
  }
