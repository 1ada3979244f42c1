import type { CollectionBeforeChangeHook } from 'payload'

import { COMMENT_STATUS, type CommentStatus, MESSAGES } from '../constants'
import { getCommentContext, setStatusChange } from '../context'
import { fieldError } from '../utilities/errors'

const trimmedOrNull = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : null

/**
 * A status change on an existing comment is a moderation decision: it needs a reason or a clause,
 * and who made it and when are recorded. The `reason` and `clause` inputs are not stored on the
 * comment itself; the decision log keeps them.
 */
export const recordModeratorDecision: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    !originalDoc ||
    data.status === undefined ||
    data.status === originalDoc.status
  )
    return data
  const { reportDecision, appealFiled } = getCommentContext(req)
  // Readers' reports and an author's appeal change the status without a moderator.
  const fromReports = reportDecision ?? appealFiled
  const reason = fromReports?.reason ?? trimmedOrNull(data.reason)
  const clause = fromReports?.clause ?? trimmedOrNull(data.clause)
  if (!reason && !clause) throw fieldError('reason', MESSAGES.reasonRequired)

  // Both statuses come from the select field's options: Payload validates `to`, `from` was stored.
  const from: CommentStatus = originalDoc.status
  const to: CommentStatus = data.status
  setStatusChange(req, originalDoc.id, {
    from,
    to,
    source: reportDecision ? 'reports' : appealFiled ? 'appeal' : 'moderator',
    reason,
    clause,
  })
  return {
    ...data,
    needsReview: data.status === COMMENT_STATUS.pending,
    decision: {
      by: fromReports ? null : (req.user?.id ?? null),
      at: new Date().toISOString(),
      reason,
      clause,
    },
  }
}
