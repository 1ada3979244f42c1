import type { Endpoint } from 'payload'

import { COMMENT_STATUS, COMMENTS_SLUG, MESSAGES, RULE } from '../constants'
import { loadPolicy } from '../policy'
import type { ResolvedOptions } from '../types'
import { errorResponse, readJsonBody } from './http'

type ReportedComment = {
  id: number | string
  status: string
  reports?: { member?: number | string | { id: number | string } | null; reason?: string | null; reportedAt?: string | null }[] | null
}

const memberIdOf = (member: unknown) => (typeof member === 'object' && member !== null ? (member as { id: number | string }).id : member) as number | string
const sameMember = (a: unknown, b: unknown) => String(memberIdOf(a)) === String(memberIdOf(b))

/**
 * `POST /api/comments/<id>/report` `{ reason }`: a logged-in member reports an approved comment,
 * once. At `reportsToHide` distinct reports it goes back to pending and moderators are emailed.
 */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/:id/report',
  method: 'post',
  handler: async (req) => {
    if (req.user?.collection !== options.authorCollection) return errorResponse(401, 'Log in as a member to report a comment.')
    const body = await readJsonBody(req)
    if (body instanceof Response) return body
    const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
    if (!reason) return errorResponse(400, 'Say why you are reporting this comment.', 'reason')
    if (reason.length > 1000) return errorResponse(400, 'reason must be at most 1000 characters.', 'reason')

    const id = String(req.routeParams?.id ?? '')
    const { docs } = await req.payload.find({
      collection: COMMENTS_SLUG as never,
      where: { and: [{ id: { equals: id } }, { status: { equals: COMMENT_STATUS.approved } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const comment = docs[0] as unknown as ReportedComment | undefined
    if (!comment) return errorResponse(404, 'No published comment with that id.', 'id')
    const reports = comment.reports ?? []
    if (reports.some((report) => sameMember(report.member, req.user?.id))) {
      return errorResponse(409, MESSAGES.alreadyReported)
    }

    const updatedReports = [...reports.map((report) => ({ ...report, member: memberIdOf(report.member) })), { member: req.user.id, reason, reportedAt: new Date().toISOString() }]
    const reportCount = new Set(updatedReports.map((report) => String(memberIdOf(report.member)))).size
    const policy = await loadPolicy(req)
    const hide = reportCount >= policy.reportsToHide
    if (hide) {
      req.context.commentReportDecision = {
        reason: `Hidden after ${reportCount} members reported it`,
        clause: policy.ruleClauses[RULE.reported] ?? null,
      }
    }
    await req.payload.update({
      collection: COMMENTS_SLUG as never,
      id: comment.id,
      data: { reports: updatedReports, reportCount, ...(hide ? { status: COMMENT_STATUS.pending } : {}) } as never,
      overrideAccess: true,
      req,
    })
    return Response.json({ message: 'Thank you. A moderator will look at this comment.' }, { status: 201 })
  },
})
