'use client'

import { useLineChart } from '@q-community/plugin-shared/lineChart'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import { COMMENTS_SLUG } from '../constants'
import { monthsUpTo, type TransparencyReport as Report } from '../rules/transparency'

/** The months shown: the last twelve, the current one included. */
const MONTHS = 12

const minutes = (value: number | null) =>
  value === null ? '—' : value < 120 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`

/** The last twelve months' reports, one request each (the endpoint caches them). */
const useReports = (api: string) => {
  const [reports, setReports] = useState<Report[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const months = monthsUpTo(new Date().toISOString().slice(0, 7), MONTHS)
    Promise.all(
      months.map(async (month) => {
        const response = await fetch(`${api}/${COMMENTS_SLUG}/transparency?month=${month}`, {
          credentials: 'include',
        })
        if (!response.ok) throw new Error(String(response.status))
        return (await response.json()) as Report
      }),
    )
      .then(setReports)
      .catch(() => setError('The transparency figures could not be loaded.'))
  }, [api])
  return { reports, error }
}

const Figure: React.FC<{ name: string; label: string; value: string | number }> = ({
  name,
  label,
  value,
}) => (
  <div data-figure={name}>
    <dt style={{ opacity: 0.7 }}>{label}</dt>
    <dd style={{ fontSize: '1.5rem', margin: 0 }}>{value}</dd>
  </div>
)

/** The month's figures, one tile each. */
const Summary: React.FC<{ report: Report }> = ({ report }) => (
  <dl
    data-testid="transparency-summary"
    data-month={report.month}
    style={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
      gap: '0.75rem',
      margin: 0,
    }}
  >
    <Figure name="commentsReceived" label="Comments received" value={report.commentsReceived} />
    <Figure name="decisions" label="Decisions" value={report.decisions.total} />
    <Figure
      name="medianWait"
      label="Median wait for a moderator"
      value={minutes(report.timeToDecision.allHeld.medianMinutes)}
    />
    <Figure
      name="safeguardingWait"
      label="Median wait, safeguarding lane"
      value={
        report.timeToDecision.safeguarding.withheld
          ? 'withheld (month running or fewer than 5)'
          : minutes(report.timeToDecision.safeguarding.medianMinutes)
      }
    />
    <Figure name="appealsFiled" label="Appeals filed" value={report.appeals.filed} />
    <Figure name="appealsOverturned" label="Appeals overturned" value={report.appeals.overturned} />
    <Figure name="appealsUpheld" label="Appeals upheld" value={report.appeals.upheld} />
    <Figure name="reportsReceived" label="Reports received" value={report.reports.received} />
    <Figure name="reportsUpheld" label="Reports upheld" value={report.reports.upheld} />
    <Figure name="reportsNotUpheld" label="Reports not upheld" value={report.reports.notUpheld} />
  </dl>
)

const Counts: React.FC<{ caption: string; rows: { key: string; count: number }[] }> = ({
  caption,
  rows,
}) => (
  <table style={{ borderCollapse: 'collapse' }}>
    <caption style={{ textAlign: 'left', opacity: 0.7 }}>{caption}</caption>
    <tbody>
      {rows.length === 0 ? (
        <tr>
          <td>None</td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.key}>
            <td style={{ paddingRight: '1rem' }}>{row.key}</td>
            <td>{row.count}</td>
          </tr>
        ))
      )}
    </tbody>
  </table>
)

/** The current month's figures and a chart of the last twelve months (client side: chart.js). */
export const TransparencyReport: React.FC<{ api: string }> = ({ api }) => {
  const { reports, error } = useReports(api)
  const series = useMemo(
    () =>
      reports && {
        label: 'Comments received',
        labels: reports.map((report) => report.month),
        values: reports.map((report) => report.commentsReceived),
        wholeNumbers: true,
      },
    [reports],
  )
  const canvas = useLineChart(series)
  const current = reports?.[reports.length - 1]

  return (
    <section className="comments-transparency" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      {error ? <p role="alert">{error}</p> : null}
      {current ? (
        <>
          <h2>This month ({current.month})</h2>
          <Summary report={current} />
          <div style={{ display: 'flex', gap: '3rem', margin: '1.5rem 0' }}>
            <Counts
              caption="Decisions by outcome"
              rows={current.decisions.byStatus.map((row) => ({
                key: row.status,
                count: row.count,
              }))}
            />
            <Counts
              caption="Decisions by policy clause"
              rows={current.decisions.byClause.map((row) => ({
                key: `clause ${row.clause}`,
                count: row.count,
              }))}
            />
          </div>
        </>
      ) : null}
      <h2>The last {MONTHS} months</h2>
      <figure style={{ height: 240, margin: 0 }}>
        <canvas ref={canvas} role="img" aria-label="Comments received, by month" />
      </figure>
      {reports ? (
        <div className="table" style={{ marginTop: '1.5rem' }}>
          <table data-testid="transparency-months" cellPadding={0} cellSpacing={0}>
            <thead>
              <tr>
                <th>Month</th>
                <th>Comments</th>
                <th>Decisions</th>
                <th>Median wait</th>
                <th>Appeals (overturned / upheld)</th>
                <th>Reports (upheld / not)</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.month} data-month={report.month}>
                  <td>{report.month}</td>
                  <td>{report.commentsReceived}</td>
                  <td>{report.decisions.total}</td>
                  <td>{minutes(report.timeToDecision.allHeld.medianMinutes)}</td>
                  <td>
                    {report.appeals.filed} ({report.appeals.overturned} / {report.appeals.upheld})
                  </td>
                  <td>
                    {report.reports.received} ({report.reports.upheld} / {report.reports.notUpheld})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
