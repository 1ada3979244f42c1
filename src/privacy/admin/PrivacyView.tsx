import { GLOBAL_SLUGS, SLUGS } from '@collections/slugs'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type React from 'react'

import { isStaffUser } from '@/access/checkRole'

import { loadPrivacyOverview, type PrivacyOverview } from './loadPrivacyOverview'

const dateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString('en-GB', { timeZone: 'Europe/London' }) : '—'

/** "3 h 20 min" since `from`: how long a request has waited. */
const waited = (from: string, now: Date) => {
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(from).getTime()) / 60_000))
  return minutes < 60
    ? `${minutes} min`
    : minutes < 48 * 60
      ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
      : `${Math.floor(minutes / 1440)} days`
}

const Table: React.FC<{
  caption: string
  testId: string
  head: string[]
  rows: React.ReactNode[][]
  empty: string
}> = ({ caption, testId, head, rows, empty }) => (
  <section data-testid={testId} style={{ marginBottom: 'calc(var(--base) * 2)' }}>
    <h2>{caption}</h2>
    {rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <div className="table">
        <table cellPadding={0} cellSpacing={0}>
          <thead>
            <tr>
              {head.map((cell) => (
                <th key={cell}>{cell}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
)

const Overview: React.FC<{ overview: PrivacyOverview; adminRoute: string }> = ({
  overview,
  adminRoute,
}) => {
  const link = (collection: string, id: number | string, label: React.ReactNode) => (
    <a href={`${adminRoute}/collections/${collection}/${id}`}>{label}</a>
  )
  return (
    <>
      <p>
        What needs attention, what has left the CMS, and whether deletion runs. Periods and the
        export threshold are in{' '}
        <a href={`${adminRoute}/globals/${GLOBAL_SLUGS.privacySettings}`}>Privacy settings</a>.
      </p>
      <Table
        caption="Erasure requests waiting for the member's confirmation"
        testId="privacy-pending-erasures"
        head={['Requested', 'Member', 'Waiting', 'Link expires']}
        empty="None waiting."
        rows={overview.pendingErasures.map((request) => [
          link(SLUGS.erasureRequests, request.id, dateTime(request.requestedAt)),
          request.memberName ?? '—',
          waited(request.requestedAt, overview.now),
          dateTime(request.expiresAt),
        ])}
      />
      <Table
        caption="Network exports"
        testId="privacy-exports"
        head={['Requested', 'By', 'Stated purpose', 'Status', 'Members', 'Available until']}
        empty="No exports made."
        rows={overview.exports.map((item) => [
          link(SLUGS.networkExports, item.id, dateTime(item.createdAt)),
          item.requestedBy ?? '—',
          item.purpose,
          item.status === 'building' ? `building (${item.progress ?? 0}%)` : item.status,
          item.members ?? '—',
          dateTime(item.expiresAt),
        ])}
      />
      <Table
        caption="Retention tasks: last run"
        testId="privacy-retention"
        head={['Task', 'Last run', 'Result', 'Removed']}
        empty="No retention task has run yet."
        rows={overview.retention.map((run) => [
          run.task,
          dateTime(run.ranAt),
          run.ranAt === null ? 'never run' : run.ok ? 'ok' : `failed: ${run.error ?? ''}`,
          run.ranAt === null ? '—' : run.removed,
        ])}
      />
      {overview.staffErasures ? (
        <Table
          caption="Erasures by staff"
          testId="privacy-staff-erasures"
          head={['When', 'By', 'Reason']}
          empty="None."
          rows={overview.staffErasures.map((entry) => [
            link(SLUGS.privacyLog, entry.id, dateTime(entry.at)),
            entry.by ?? '—',
            entry.reason,
          ])}
        />
      ) : null}
    </>
  )
}

/**
 * The admin's "Privacy" area (`/admin/privacy`): erasure requests waiting for confirmation, the
 * network exports made (by whom, when, for what stated purpose), the retention tasks' last runs
 * and, for admins, erasures done by staff. Read on the server with the viewer's own access.
 */
export const PrivacyView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Privacy</h1>
        {isStaffUser(req.user) ? (
          <Overview
            overview={await loadPrivacyOverview(req)}
            adminRoute={req.payload.config.routes.admin}
          />
        ) : (
          <p role="alert">The privacy area is for staff.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
