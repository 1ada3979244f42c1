import type { CollectionBeforeChangeHook } from 'payload'

import { COMMENT_STATUS, MESSAGES } from '../constants'
import { fieldError } from '../errors'
import type { ResolvedOptions } from '../types'

export type PendingChange = {
  from: string
  to: string
  source: 'moderator' | 'reports'
  reason: string | null
  clause: string | null
}

export const changeKey = (id: number | string) => `commentStatusChange:${id}`

/**
 * A status change on an existing comment is a moderation decision: it needs a reason or a clause,
 * and who made it and when are recorded. The `reason` and `clause` inputs are not stored on the
 * comment itself; the decision log keeps them.
 */
export const recordModeratorDecision =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || options.disabled || !originalDoc || data.status === undefined || data.status === originalDoc.status) {
      return data
    }
    const fromReports = req.context.commentReportDecision as { reason: string; clause: string | null } | undefined
    const reason = fromReports?.reason ?? (typeof data.reason === 'string' && data.reason.trim() ? data.reason.trim() : null)
    const clause = fromReports?.clause ?? (typeof data.clause === 'string' && data.clause.trim() ? data.clause.trim() : null)
    if (!reason && !clause) throw fieldError('reason', MESSAGES.reasonRequired)

    const change: PendingChange = {
      from: originalDoc.status,
      to: data.status,
      source: fromReports ? 'reports' : 'moderator',
      reason,
      clause,
    }
    req.context[changeKey(originalDoc.id)] = change
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
