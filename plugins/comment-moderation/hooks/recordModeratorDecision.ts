import type { CollectionBeforeChangeHook } from 'payload'
import { extractID } from 'payload/shared'

import {
  COMMENT_STATUS,
  type CommentStatus,
  MESSAGES,
  REPORT_OUTCOME,
  type ReportOutcome,
} from '../constants'
import { getCommentContext, setStatusChange } from '../context'
import { fieldError } from '../utilities/errors'

type StoredReport = {
  id?: string | null
  member?: number | string | { id: number | string } | null
  outcome?: ReportOutcome | null
  [key: string]: unknown
}

/** What a moderator's decision makes of the reports not yet decided: rejected or spam upholds them. */
const outcomeOf = (to: CommentStatus): ReportOutcome | null =>
  to === COMMENT_STATUS.rejected || to === COMMENT_STATUS.spam
    ? REPORT_OUTCOME.upheld
    : to === COMMENT_STATUS.approved
      ? REPORT_OUTCOME.notUpheld
      : null

/** The comment's reports with every undecided one given `outcome`, or null when none changes. */
const decideReports = (reports: unknown, outcome: ReportOutcome | null): StoredReport[] | null => {
  if (!outcome || !Array.isArray(reports)) return null
  const rows: StoredReport[] = reports
  if (!rows.some((report) => !report.outcome)) return null
  return rows.map((report) => ({
    ...report,
    member: report.member ? extractID(report.member) : report.member,
    outcome: report.outcome ?? outcome,
  }))
}

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
  // An appeal whose reason the safeguarding lane holds joins the lane (endpoints/appeal.ts).
  const urgent = originalDoc.urgent === true || (appealFiled !== undefined && data.urgent === true)
  setStatusChange(req, originalDoc.id, {
    from,
    to,
    source: reportDecision ? 'reports' : appealFiled ? 'appeal' : 'moderator',
    reason,
    clause,
    urgent,
  })
  // A moderator's decision settles the reports made so far: each reporter's record grows by one.
  const reports = fromReports ? null : decideReports(originalDoc.reports, outcomeOf(to))
  return {
    ...data,
    ...(reports ? { reports } : {}),
    needsReview: data.status === COMMENT_STATUS.pending,
    // The lane is for comments still waiting: once decided, the comment sorts as any other.
    urgent: urgent && data.status === COMMENT_STATUS.pending,
    decision: {
      by: fromReports ? null : (req.user?.id ?? null),
      at: new Date().toISOString(),
      reason,
      clause,
    },
  }
}
