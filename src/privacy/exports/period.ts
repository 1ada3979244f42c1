import type { NetworkConnection } from '@/network/metrics'

import type { ArchiveMember } from './buildArchive'
import { monthOf } from './months'

/** An export's optional period, as months (`YYYY-MM`, UTC). */
export type ExportPeriod = { from?: string | null; to?: string | null }

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The period from a request body, or the field to name in a 400 and why. */
export const readPeriod = (
  body: Record<string, unknown>,
): { from?: string; to?: string } | { field: 'from' | 'to'; message: string } => {
  const period: { from?: string; to?: string } = {}
  for (const field of ['from', 'to'] as const) {
    const value = body[field]
    if (value === undefined || value === null || value === '') continue
    if (typeof value !== 'string' || !MONTH.test(value))
      return { field, message: `${field} must be a month, YYYY-MM.` }
    period[field] = value
  }
  if (period.from && period.to && period.from > period.to)
    return { field: 'to', message: 'to must not be before from.' }
  return period
}

/**
 * The network as it stood at the end of `to`: members who had joined by then, connections accepted
 * by then. `from` does not drop anyone (the network in `from` includes everyone who joined earlier):
 * it only starts monthly.csv.
 */
export const atEndOf = <M extends ArchiveMember>(
  members: readonly M[],
  connections: readonly NetworkConnection[],
  to: string | null | undefined,
) => {
  if (!to) return { members, connections }
  return {
    members: members.filter((member) => monthOf(member.joinedAt) <= to),
    connections: connections.filter((connection) => monthOf(connection.acceptedAt) <= to),
  }
}
