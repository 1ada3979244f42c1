'use client'

import type React from 'react'
import { useEffect, useState } from 'react'

import type { ReadCacheStats } from '@/cache/responseCache'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const count = (value: number) => value.toLocaleString('en-GB')

/** One line on the dashboard, for admins: how the public read cache is doing on this instance. */
export const ReadCacheStatus: React.FC = () => {
  const [stats, setStats] = useState<ReadCacheStats | { enabled: false } | null>(null)

  useEffect(() => {
    let live = true
    fetch('/api/read-cache/stats', { credentials: 'include' })
      .then((response) =>
        response.ok ? (response.json() as Promise<ReadCacheStats | { enabled: false }>) : null,
      )
      .then((figures) => live && setStats(figures))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])

  // Editors get a 403: the line is for admins.
  if (!stats) return null
  if (!stats.enabled)
    return <p data-testid="read-cache-status">Public read cache: off (READ_CACHE=off).</p>
  const rate =
    stats.hitRate === null ? 'no reads yet' : `${Math.round(stats.hitRate * 100)}% from memory`
  return (
    <p data-testid="read-cache-status" style={{ opacity: 0.8 }}>
      Public read cache: {rate} ({count(stats.hits)} hits, {count(stats.misses)} misses,{' '}
      {count(stats.notModified)} not modified), {megabytes(stats.bytes)} of{' '}
      {megabytes(stats.maxBytes)} in {count(stats.entries)} responses, {count(stats.invalidations)}{' '}
      invalidations
      {stats.generationStore === 'redis'
        ? ', shared with other instances through Redis'
        : ' on this instance'}
      .
    </p>
  )
}
