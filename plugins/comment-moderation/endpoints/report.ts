import { randomBytes } from 'node:crypto'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Endpoint, PayloadRequest } from 'payload'

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

type Row = Record<string, unknown>
type Column = object
type Returning = { returning: (fields: Record<string, Column>) => Promise<Row[]> }
/** The part of drizzle's query builder used here; identical for the SQLite and PostgreSQL dialects. */
type DrizzleLike = {
  insert: (table: object) => { values: (rows: Row[]) => Returning }
  update: (table: object) => { set: (values: Row) => { where: (where: SQL | undefined) => Returning } }
  select: (fields: Record<string, Column | SQL>) => { from: (table: object) => { where: (where: SQL | undefined) => PromiseLike<Row[]> } }
}
type SqlAdapter = { drizzle: DrizzleLike; tables: Record<string, Record<string, Column>> }
const sqlAdapterOf = (req: PayloadRequest): SqlAdapter | null => {
  const db = req.payload.db as unknown as Partial<SqlAdapter>
  return db.drizzle && db.tables?.[COMMENTS_SLUG] && db.tables[`${COMMENTS_SLUG}_reports`] ? (db as SqlAdapter) : null
}
const col = (table: Record<string, Column>, name: string) => table[name] as Parameters<typeof eq>[0]

/**
 * Adds one member's report and returns the new count, or null when this member had reported it
 * already. On the SQL adapters the report is one inserted row and the count is `report_count + 1`
 * in the UPDATE itself, so concurrent reports (from other processes too) never overwrite each
 * other's row or count. Elsewhere (MongoDB), the comment is read and written again.
 */
const addReport = async (req: PayloadRequest, commentId: number | string, memberId: number | string, reason: string): Promise<number | null> => {
  const reportedAt = new Date().toISOString()
  const adapter = sqlAdapterOf(req)
  if (!adapter) {
    const comment = (await req.payload.findByID({ collection: COMMENTS_SLUG as never, id: commentId, depth: 0, overrideAccess: true, req })) as unknown as ReportedComment
    const reports = comment.reports ?? []
    if (reports.some((report) => sameMember(report.member, memberId))) return null
    const updatedReports = [...reports.map((report) => ({ ...report, member: memberIdOf(report.member) })), { member: memberId, reason, reportedAt }]
    const reportCount = new Set(updatedReports.map((report) => String(memberIdOf(report.member)))).size
    await req.payload.update({ collection: COMMENTS_SLUG as never, id: commentId, data: { reports: updatedReports, reportCount } as never, overrideAccess: true, req })
    return reportCount
  }
  const comments = adapter.tables[COMMENTS_SLUG]
  const reports = adapter.tables[`${COMMENTS_SLUG}_reports`]
  const parent = col(reports, '_parentID')
  const ofThisMember = and(eq(parent, commentId), eq(col(reports, 'member'), memberId))
  if ((await adapter.drizzle.select({ id: col(reports, 'id') }).from(reports).where(ofThisMember)).length) return null
  const [last] = await adapter.drizzle.select({ order: sql`max(${col(reports, '_order')})` }).from(reports).where(eq(parent, commentId))
  // Payload's array rows have ObjectId-shaped ids.
  await adapter.drizzle
    .insert(reports)
    .values([{ _order: Number(last?.order ?? 0) + 1, _parentID: commentId, id: randomBytes(12).toString('hex'), member: memberId, reason, reportedAt }])
    .returning({ id: col(reports, 'id') })
  const [counted] = await adapter.drizzle
    .update(comments)
    .set({ reportCount: sql`coalesce(${col(comments, 'reportCount')}, 0) + 1`, updatedAt: reportedAt })
    .where(eq(col(comments, 'id'), commentId))
    .returning({ reportCount: col(comments, 'reportCount') })
  // PostgreSQL returns its numeric columns as strings.
  return Number(counted?.reportCount ?? 0)
}

/**
 * `POST /api/comments/<id>/report` `{ reason }`: a logged-in member reports an approved comment,
 * once. At `reportsToHide` distinct reports it goes back to pending and moderators are emailed.
 *
 * Reports of one comment are taken one at a time (`options.shared.lock`, across instances when the
 * host shares it): the count itself is atomic on SQL, but "has this member reported?" is a read
 * before the insert, and the report that crosses `reportsToHide` hides the comment through the
 * Local API (one decision, one alert) and rewrites its reports, so no other report may land meanwhile.
 */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/:id/report',
  method: 'post',
  handler: async (req) => {
    if (req.user?.collection !== options.authorCollection) return errorResponse(401, 'Log in as a member to report a comment.')
    const memberId = req.user.id
    const body = await readJsonBody(req)
    if (body instanceof Response) return body
    const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
    if (!reason) return errorResponse(400, 'Say why you are reporting this comment.', 'reason')
    if (reason.length > 1000) return errorResponse(400, 'reason must be at most 1000 characters.', 'reason')

    const id = String(req.routeParams?.id ?? '')
    const findApproved = async () => {
      const { docs } = await req.payload.find({
        collection: COMMENTS_SLUG as never,
        where: { and: [{ id: { equals: id } }, { status: { equals: COMMENT_STATUS.approved } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      return docs[0] as unknown as ReportedComment | undefined
    }
    const comment = await findApproved()
    if (!comment) return errorResponse(404, 'No published comment with that id.', 'id')
    if ((comment.reports ?? []).some((report) => sameMember(report.member, memberId))) return errorResponse(409, MESSAGES.alreadyReported)

    return options.shared.lock(`comment-report:${String(comment.id)}`, async () => {
      const reportCount = await addReport(req, comment.id, memberId, reason)
      if (reportCount === null) return errorResponse(409, MESSAGES.alreadyReported)
      const policy = await loadPolicy(req)
      // Only the report that finds the comment still approved hides it: one decision, one alert.
      if (reportCount >= policy.reportsToHide && (await findApproved())) {
        req.context.commentReportDecision = {
          reason: `Hidden after ${reportCount} members reported it`,
          clause: policy.ruleClauses[RULE.reported] ?? null,
        }
        await req.payload.update({ collection: COMMENTS_SLUG as never, id: comment.id, data: { status: COMMENT_STATUS.pending } as never, overrideAccess: true, req })
      }
      return Response.json({ message: 'Thank you. A moderator will look at this comment.' }, { status: 201 })
    })
  },
})
