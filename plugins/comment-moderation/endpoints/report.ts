import { randomBytes } from 'node:crypto'

import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import type { Endpoint, JsonObject, PayloadRequest, TypeWithID } from 'payload'
import { extractID } from 'payload/shared'

import { COMMENT_STATUS, COMMENTS_SLUG, MESSAGES, REPORT_OUTCOME, RULE } from '../constants'
import { setCommentContext } from '../context'
import { type ReporterRecord, reporterWeight, reportsHide } from '../rules/reporterWeight'
import type { SanitizedOptions } from '../types'
import { refusal } from '../utilities/errors'
import { loadPolicy } from '../utilities/policy'
import { readJsonBody } from '../utilities/readJsonBody'
import { REPORT_DOC } from './docs'

type MemberRef = number | string | { id: number | string }
type Report = {
  member?: MemberRef | null
  reason?: string | null
  reportedAt?: string | null
  weight?: number | null
  outcome?: string | null
}
type ReportedComment = { id: number | string; status: string; reports?: Report[] | null }

const sameMember = (a: MemberRef | null | undefined, b: MemberRef) =>
  a !== null && a !== undefined && String(extractID(a)) === String(extractID(b))
const hasReported = (comment: ReportedComment, memberId: number | string) =>
  (comment.reports ?? []).some((report) => sameMember(report.member, memberId))

type Row = Record<string, unknown>
type Column = object
type Returning = { returning: (fields: Record<string, Column>) => Promise<Row[]> }
/** The part of drizzle's query builder used here; identical for the SQLite and PostgreSQL dialects. */
type DrizzleLike = {
  insert: (table: object) => { values: (rows: Row[]) => Returning }
  update: (table: object) => {
    set: (values: Row) => { where: (where: SQL | undefined) => Returning }
  }
  select: (fields: Record<string, Column | SQL>) => {
    from: (table: object) => { where: (where: SQL | undefined) => PromiseLike<Row[]> }
  }
}
type SqlAdapter = { drizzle: DrizzleLike; tables: Record<string, Record<string, Column>> }
/** A comment as read here, from the untyped document the Local API returns. */
const toReportedComment = ({ id, status, reports }: JsonObject & TypeWithID): ReportedComment => ({
  id,
  status,
  reports,
})

const isSqlAdapter = (db: object): db is SqlAdapter => 'drizzle' in db && 'tables' in db
const sqlAdapterOf = (req: PayloadRequest): SqlAdapter | null => {
  const { db } = req.payload
  return isSqlAdapter(db) && db.tables[COMMENTS_SLUG] && db.tables[`${COMMENTS_SLUG}_reports`]
    ? db
    : null
}
const col = (table: Record<string, Column>, name: string) => table[name] as Parameters<typeof eq>[0]

/** A report written before weights existed counts as an ordinary one. */
const weightOf = (report: Report) =>
  typeof report.weight === 'number' && Number.isFinite(report.weight) ? report.weight : 1

/**
 * A report no moderator has settled yet. Only these count toward hiding: once a moderator has
 * approved a hidden comment, the reports they weighed are judged, and must not hide it again with
 * the next one.
 */
const isOpen = (report: Report) => !report.outcome

/** What the member's reports of other comments came to, once moderators decided those comments. */
const recordFromReports = (reports: Report[], memberId: number | string): ReporterRecord => {
  const own = reports.filter((report) => sameMember(report.member, memberId))
  return {
    upheld: own.filter((report) => report.outcome === REPORT_OUTCOME.upheld).length,
    notUpheld: own.filter((report) => report.outcome === REPORT_OUTCOME.notUpheld).length,
  }
}

/** The new report's count of distinct reporters and the sum of the weights of its unsettled reports. */
type Tally = { reportCount: number; weightSum: number }

/**
 * Adds one member's report, weighted by their record, and returns the new tally, or null when this
 * member had reported it already. On the SQL adapters the report is one inserted row, the count is
 * `report_count + 1` in the UPDATE itself and the weights are summed by the database, so concurrent
 * reports (from other processes too) never overwrite each other's row or count. Elsewhere
 * (MongoDB), the comment is read and written again.
 */
const addReport = async (
  req: PayloadRequest,
  commentId: number | string,
  memberId: number | string,
  reason: string,
): Promise<Tally | null> => {
  const reportedAt = new Date().toISOString()
  const adapter = sqlAdapterOf(req)
  if (!adapter) {
    const comment = toReportedComment(
      await req.payload.findByID({
        collection: COMMENTS_SLUG,
        id: commentId,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    if (hasReported(comment, memberId)) return null
    const { docs: reported } = await req.payload.find({
      collection: COMMENTS_SLUG,
      where: { 'reports.member': { equals: memberId } },
      select: { reports: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const record = recordFromReports(
      reported.flatMap((doc) => toReportedComment(doc).reports ?? []),
      memberId,
    )
    const reports = comment.reports ?? []
    const updatedReports = [
      ...reports.map((report) => ({
        ...report,
        member: report.member ? extractID(report.member) : report.member,
      })),
      { member: memberId, reason, reportedAt, weight: reporterWeight(record) },
    ]
    const reportCount = new Set(
      updatedReports.map((report) =>
        String(report.member ? extractID(report.member) : report.member),
      ),
    ).size
    await req.payload.update({
      collection: COMMENTS_SLUG,
      id: commentId,
      data: { reports: updatedReports, reportCount },
      overrideAccess: true,
      req,
    })
    return {
      reportCount,
      weightSum: updatedReports.filter(isOpen).reduce((sum, report) => sum + weightOf(report), 0),
    }
  }
  const comments = adapter.tables[COMMENTS_SLUG]
  const reports = adapter.tables[`${COMMENTS_SLUG}_reports`]
  const parent = col(reports, '_parentID')
  const member = col(reports, 'member')
  const outcome = col(reports, 'outcome')
  const ofThisMember = and(eq(parent, commentId), eq(member, memberId))
  if (
    (
      await adapter.drizzle
        .select({ id: col(reports, 'id') })
        .from(reports)
        .where(ofThisMember)
    ).length
  )
    return null
  const [record] = await adapter.drizzle
    .select({
      upheld: sql`coalesce(sum(case when ${outcome} = ${REPORT_OUTCOME.upheld} then 1 else 0 end), 0)`,
      notUpheld: sql`coalesce(sum(case when ${outcome} = ${REPORT_OUTCOME.notUpheld} then 1 else 0 end), 0)`,
    })
    .from(reports)
    .where(eq(member, memberId))
  const [last] = await adapter.drizzle
    .select({ order: sql`max(${col(reports, '_order')})` })
    .from(reports)
    .where(eq(parent, commentId))
  // Payload's array rows have ObjectId-shaped ids.
  await adapter.drizzle
    .insert(reports)
    .values([
      {
        _order: Number(last?.order ?? 0) + 1,
        _parentID: commentId,
        id: randomBytes(12).toString('hex'),
        member: memberId,
        reason,
        reportedAt,
        // PostgreSQL returns sums as strings.
        weight: reporterWeight({
          upheld: Number(record?.upheld ?? 0),
          notUpheld: Number(record?.notUpheld ?? 0),
        }),
      },
    ])
    .returning({ id: col(reports, 'id') })
  // Only private fields change here (reports, reportCount), and `updatedAt` stays: these rows are
  // written past Payload's adapter, so a host's response cache is not told, and a public field
  // changed here would be served stale. The report that hides the comment goes through the Local API.
  const [counted] = await adapter.drizzle
    .update(comments)
    .set({ reportCount: sql`coalesce(${col(comments, 'reportCount')}, 0) + 1` })
    .where(eq(col(comments, 'id'), commentId))
    .returning({ reportCount: col(comments, 'reportCount') })
  const [summed] = await adapter.drizzle
    .select({ weightSum: sql`coalesce(sum(coalesce(${col(reports, 'weight')}, 1)), 0)` })
    .from(reports)
    .where(and(eq(parent, commentId), isNull(outcome)))
  // PostgreSQL returns its numeric columns as strings.
  return {
    reportCount: Number(counted?.reportCount ?? 0),
    weightSum: Number(summed?.weightSum ?? 0),
  }
}

/**
 * `POST /api/comments/<id>/report` `{ reason }`: a logged-in member reports an approved comment,
 * once. Each report weighs what its reporter's record earns (rules/reporterWeight.ts); once the
 * weights reach `reportsToHide` the comment goes back to pending and moderators are emailed.
 *
 * Reports of one comment are taken one at a time (`options.shared.lock`, across instances when the
 * host shares it): the count itself is atomic on SQL, but "has this member reported?" is a read
 * before the insert, and the report that crosses `reportsToHide` hides the comment through the
 * Local API (one decision, one alert) and rewrites its reports, so no other report may land meanwhile.
 */
export const reportEndpoint = (options: SanitizedOptions): Endpoint =>
  documented<Endpoint>(
    {
      path: '/:id/report',
      method: 'post',
      handler: async (req) => {
        if (req.user?.collection !== options.authorCollection)
          throw refusal('Log in as a member to report a comment.', 401)
        const memberId = req.user.id
        const body = await readJsonBody(req)
        if (body instanceof Response) return body
        const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
        if (!reason) return errorResponse(400, 'Say why you are reporting this comment.', 'reason')
        if (reason.length > 1000)
          return errorResponse(400, 'reason must be at most 1000 characters.', 'reason')

        const id = String(req.routeParams?.id ?? '')
        const findApproved = async (): Promise<ReportedComment | undefined> => {
          const { docs } = await req.payload.find({
            collection: COMMENTS_SLUG,
            where: {
              and: [{ id: { equals: id } }, { status: { equals: COMMENT_STATUS.approved } }],
            },
            limit: 1,
            depth: 0,
            overrideAccess: true,
          })
          return docs[0] ? toReportedComment(docs[0]) : undefined
        }
        const comment = await findApproved()
        if (!comment) return errorResponse(404, 'No published comment with that id.', 'id')
        if (hasReported(comment, memberId)) throw refusal(MESSAGES.alreadyReported, 409)

        const added = await options.shared.lock(
          `comment-report:${String(comment.id)}`,
          async () => {
            const tally = await addReport(req, comment.id, memberId, reason)
            if (tally === null) return false
            const policy = await loadPolicy(req)
            // Only the report that finds the comment still approved hides it: one decision, one alert.
            if (reportsHide([tally.weightSum], policy.reportsToHide) && (await findApproved())) {
              setCommentContext(req, {
                reportDecision: {
                  reason: `Hidden after ${tally.reportCount} members reported it (weight ${Math.round(tally.weightSum * 100) / 100} of ${policy.reportsToHide})`,
                  clause: policy.ruleClauses[RULE.reported] ?? null,
                },
              })
              await req.payload.update({
                collection: COMMENTS_SLUG,
                id: comment.id,
                data: { status: COMMENT_STATUS.pending },
                overrideAccess: true,
                req,
              })
            }
            return true
          },
        )
        // Thrown after the lock is released (a refusal is not a failure of the report's work).
        if (!added) throw refusal(MESSAGES.alreadyReported, 409)
        return Response.json(
          { message: 'Thank you. A moderator will look at this comment.' },
          { status: 201 },
        )
      },
    },
    REPORT_DOC,
  )
