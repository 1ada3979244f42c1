'use client'

import { useLineChart } from '@q-community/plugin-shared/lineChart'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import type { NetworkStats } from '@/network/metrics'

type Stats = NetworkStats

const percent = (share: number) => `${Math.round(share * 100)}%`

const FIGURES: [keyof Stats, string, (value: number) => string][] = [
  ['members', 'Members', String],
  ['connections', 'Connections', String],
  ['averageConnections', 'Average connections per member', (value) => value.toFixed(1)],
  ['medianConnections', 'Median connections', String],
  ['components', 'Separate groups', String],
  ['largestComponentShare', 'In the largest group', percent],
  ['isolates', 'Not yet connected', String],
  ['crossRegionShare', 'Connections across regions', percent],
  ['crossProfessionShare', 'Connections across professions', percent],
]

const yearAgo = () => {
  const date = new Date()
  date.setUTCFullYear(date.getUTCFullYear() - 1)
  return date.toISOString().slice(0, 10)
}

/** Today's figures and the monthly series of the last year, loaded once. */
const useNetworkFigures = () => {
  const [current, setCurrent] = useState<Stats | null>(null)
  const [series, setSeries] = useState<Stats[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const load = async () => {
      try {
        const [now, growth] = await Promise.all([
          fetch('/api/network/stats', { credentials: 'include' }).then((response) =>
            response.json(),
          ),
          fetch(`/api/network/growth?from=${yearAgo()}&interval=month`, {
            credentials: 'include',
          }).then((response) => response.json()),
        ])
        setCurrent(now as Stats)
        setSeries((growth as { series: Stats[] }).series)
      } catch {
        setError('The network figures could not be loaded.')
      }
    }
    void load()
  }, [])

  return { current, series, error }
}

/** Average connections per member over `series`, drawn on the returned canvas. */
const useGrowthChart = (series: Stats[]) =>
  useLineChart(
    useMemo(
      () => ({
        label: 'Average connections per member',
        labels: series.map((point) => point.at),
        values: series.map((point) => point.averageConnections),
      }),
      [series],
    ),
  )

/** Today's figures, one tile each. */
const Summary: React.FC<{ current: Stats }> = ({ current }) => (
  <dl
    data-testid="network-summary"
    style={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
      gap: '0.75rem',
    }}
  >
    {FIGURES.map(([key, label, format]) => (
      <div key={key} data-figure={key}>
        <dt style={{ opacity: 0.7 }}>{label}</dt>
        <dd style={{ fontSize: '1.5rem', margin: 0 }}>{format(current[key] as number)}</dd>
      </div>
    ))}
  </dl>
)

/**
 * On the admin dashboard: how connected the community is now, and a chart of average connections
 * per member over the last year (the figure the community's first network analysis reported).
 */
export const NetworkDashboard: React.FC = () => {
  const { current, series, error } = useNetworkFigures()
  const canvas = useGrowthChart(series)

  return (
    <section className="network-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2>Who is improving, and how they connect</h2>
      {error ? <p role="alert">{error}</p> : null}
      {current ? <Summary current={current} /> : <p>Loading network figures…</p>}
      <figure style={{ height: 260, margin: '1rem 0 0' }}>
        <canvas ref={canvas} aria-label="Average connections per member, by month" role="img" />
      </figure>
      <ImportForm />
    </section>
  )
}

type ImportReport = {
  dryRun: boolean
  imported: boolean
  members: { rows: number; created: number; existing: number }
  connections: { rows: number; created: number; existing: number }
  rejected: { file: string; line: number; reason: string }[]
  errors?: { message: string }[]
}

/** The admin upload of `npm run import`: members and connections CSV files, with a dry run. */
const ImportForm: React.FC = () => {
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    try {
      const response = await fetch('/api/network/import', {
        method: 'POST',
        body: new FormData(event.currentTarget),
        credentials: 'include',
      })
      setReport((await response.json()) as ImportReport)
    } finally {
      setBusy(false)
    }
  }

  return (
    <details style={{ marginTop: '1rem' }}>
      <summary>Import members and connections (CSV)</summary>
      <form
        onSubmit={submit}
        aria-label="Import members and connections"
        style={{ display: 'grid', gap: '0.5rem', maxWidth: '32rem', marginTop: '0.5rem' }}
      >
        <label>
          Members CSV (name, email, profession, organisation, region, interests, joinedAt,
          directoryVisible, and networkAnalysis where the survey collected that consent)
          <input type="file" name="members" accept=".csv,text/csv" />
        </label>
        <label>
          Connections CSV (fromEmail, toEmail, acceptedAt)
          <input type="file" name="connections" accept=".csv,text/csv" />
        </label>
        <label>
          <input type="checkbox" name="dryRun" value="true" defaultChecked /> Dry run: check only,
          write nothing
        </label>
        <button type="submit" className="btn btn--style-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Check and import'}
        </button>
      </form>
      {report ? (
        <div role="status" data-testid="import-report" style={{ marginTop: '0.5rem' }}>
          {report.errors ? (
            <p>{report.errors.map((error) => error.message).join(' ')}</p>
          ) : (
            <>
              <p>
                {report.imported
                  ? 'Imported.'
                  : report.rejected.length > 0
                    ? 'Nothing was imported: fix the rows below.'
                    : 'Dry run: everything checks out.'}{' '}
                Members: {report.members.created} new, {report.members.existing} already there.
                Connections: {report.connections.created} new, {report.connections.existing} already
                there.
              </p>
              <ul>
                {report.rejected.map((row) => (
                  <li key={`${row.file}-${row.line}`}>
                    {row.file}.csv line {row.line}: {row.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </details>
  )
}
