'use client'

import { useConfig } from '@payloadcms/ui'
import { useLineChart } from '@q-community/plugin-shared/lineChart'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import type { SubscriberStats } from '../utilities/subscriberStats'

/**
 * Above the subscribers list: counts by status and by topic, confirmed subscribers week by week,
 * and the CSV export.
 */
export const SubscribersOverview: React.FC = () => {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [stats, setStats] = useState<
    (SubscriberStats & { topicLabels: Record<string, string> }) | null
  >(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    fetch(`${api}/subscribers/stats`, { credentials: 'include' })
      .then(async (response) =>
        response.ok
          ? setStats(
              (await response.json()) as SubscriberStats & { topicLabels: Record<string, string> },
            )
          : setError('The subscriber figures are for admins.'),
      )
      .catch(() => setError('The subscriber figures could not be loaded.'))
  }, [api])

  const growth = useMemo(
    () =>
      stats && {
        label: 'Confirmed subscribers',
        labels: stats.growth.map((point) => point.at),
        values: stats.growth.map((point) => point.confirmed),
        wholeNumbers: true,
      },
    [stats],
  )
  const canvas = useLineChart(growth)

  return (
    <section
      className="subscribers-overview"
      style={{ margin: '0 var(--gutter-h) calc(var(--base) * 1.5)' }}
    >
      {error ? <p role="alert">{error}</p> : null}
      {stats ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
            gap: '1.5rem',
            alignItems: 'start',
          }}
        >
          <dl
            data-testid="subscriber-status-counts"
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(2, 1fr)',
              gap: '0.5rem',
              margin: 0,
            }}
          >
            {Object.entries(stats.byStatus).map(([status, count]) => (
              <div key={status} data-status={status}>
                <dt style={{ opacity: 0.7, textTransform: 'capitalize' }}>{status}</dt>
                <dd style={{ fontSize: '1.5rem', margin: 0 }}>{count}</dd>
              </div>
            ))}
          </dl>
          <table data-testid="subscriber-topic-counts" style={{ borderCollapse: 'collapse' }}>
            <caption style={{ textAlign: 'left', opacity: 0.7 }}>Confirmed, by topic</caption>
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>Topic</th>
                <th>Instant</th>
                <th>Weekly</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(stats.byTopic).map(([topic, counts]) => (
                <tr key={topic} data-topic={topic}>
                  <td>{stats.topicLabels[topic] ?? topic}</td>
                  <td style={{ textAlign: 'center' }}>{counts.instant}</td>
                  <td style={{ textAlign: 'center' }}>{counts.weekly}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <figure style={{ height: 180, margin: 0 }}>
            <canvas ref={canvas} aria-label="Confirmed subscribers, week by week" role="img" />
          </figure>
        </div>
      ) : null}
      <p style={{ display: 'flex', gap: '1.5rem' }}>
        <a href={`${api}/subscribers/export.csv`} download>
          Export all subscribers (CSV)
        </a>
        <a href={`${api}/subscribers/preview?kind=digest`} target="_blank" rel="noreferrer">
          Preview the weekly digest as it would go out now
        </a>
      </p>
    </section>
  )
}
