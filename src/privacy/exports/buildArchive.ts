import { toCsv } from '@q-community/plugin-shared/csv'
import { zipSync } from 'fflate'

import type { NetworkConnection, NetworkMember } from '@/network/metrics'
import { buildTimeline, runInSlices, sweepStats } from '@/network/timeline'

import { EXPORT_FILES } from './constants'
import { dataDictionary } from './dataDictionary'
import { type Generalised, generaliseJoined, kAnonymise } from './kAnonymity'
import { buildManifest, sha256 } from './manifest'
import { lastDayOf, monthOf, monthsBetween } from './months'
import { atEndOf, type ExportPeriod } from './period'
import { exportPseudonym } from './pseudonyms'

export type ArchiveMember = Pick<NetworkMember, 'id' | 'joinedAt' | 'region' | 'profession'>

export type ArchiveInput = {
  exportId: string
  createdAt: string
  purpose: string
  k: number
  pseudonymKey: string
  /** Members who opted in to network analysis (the caller reads the switch). */
  members: readonly ArchiveMember[]
  /** Accepted connections; those with a party not in `members` are left out here. */
  connections: readonly NetworkConnection[]
  /** Optional months: the network at the end of `to`; monthly.csv from `from`. */
  period?: ExportPeriod
  onProgress?: (percent: number) => Promise<void>
}

export type Archive = {
  zip: Uint8Array
  sha256: string
  counts: { members: number; connections: number; suppressed: number }
}

/** Distinct pairs among kept members, each once (its earliest acceptance), in pseudonym order. */
const keptPairs = (
  connections: readonly NetworkConnection[],
  kept: Map<string, Generalised>,
  pseudonymOf: Map<string, string>,
) => {
  const pairs = new Map<string, { a: string; b: string; from: string; to: string; at: string }>()
  for (const connection of connections) {
    if (connection.from === connection.to) continue
    if (!kept.has(connection.from) || !kept.has(connection.to)) continue
    const [a, b] = [
      pseudonymOf.get(connection.from) as string,
      pseudonymOf.get(connection.to) as string,
    ].sort()
    const key = `${a}|${b}`
    const earlier = pairs.get(key)
    const at = new Date(connection.acceptedAt).getTime()
    if (Number.isNaN(at)) continue
    if (!earlier || at < new Date(earlier.at).getTime())
      pairs.set(key, { a, b, from: connection.from, to: connection.to, at: connection.acceptedAt })
  }
  return [...pairs.values()].sort((x, y) =>
    x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a),
  )
}

const MONTHLY_HEADER = [
  'month',
  'members',
  'connections',
  'density',
  'average_connections',
  'median_connections',
  'components',
  'largest_component_share',
  'isolates',
  'cross_region_share',
  'cross_profession_share',
]

/** The monthly figures of the published network, from the timeline code the statistics use. */
const monthlyRows = async (
  members: NetworkMember[],
  connections: NetworkConnection[],
  firstMonth: string | null | undefined,
  lastMonth: string,
) => {
  const joined = members
    .map((member) => monthOf(member.joinedAt))
    .filter(Boolean)
    .sort()
  if (!joined.length) return []
  const start = firstMonth && firstMonth > joined[0] ? firstMonth : joined[0]
  const months = monthsBetween(start, lastMonth)
  const timeline = await runInSlices(buildTimeline(members, connections))
  const stats = await runInSlices(sweepStats(timeline, months.map(lastDayOf)))
  return stats.map((figures, index) => ({
    month: months[index],
    members: figures.members,
    connections: figures.connections,
    density: figures.density,
    average_connections: figures.averageConnections,
    median_connections: figures.medianConnections,
    components: figures.components,
    largest_component_share: figures.largestComponentShare,
    isolates: figures.isolates,
    cross_region_share: figures.crossRegionShare,
    cross_profession_share: figures.crossProfessionShare,
  }))
}

/**
 * The evaluation ZIP: members.csv, connections.csv, monthly.csv, data-dictionary.md and
 * manifest.json, from the consenting members after k-anonymisation, under per-export pseudonyms.
 */
export const buildArchive = async (input: ArchiveInput): Promise<Archive> => {
  const progress = input.onProgress ?? (async () => undefined)
  const period = input.period ?? {}
  const inPeriod = atEndOf(input.members, input.connections, period.to)
  const anonymity = kAnonymise(inPeriod.members, input.k)
  const pseudonymOf = new Map<string, string>()
  for (const id of anonymity.kept.keys())
    pseudonymOf.set(id, exportPseudonym(input.pseudonymKey, id))
  await progress(20)

  const joinedPublished = generaliseJoined(
    anonymity.kept,
    new Map(inPeriod.members.map((member) => [member.id, monthOf(member.joinedAt)])),
    input.k,
  )
  const published = inPeriod.members
    .filter((member) => anonymity.kept.has(member.id))
    .map((member) => ({ ...member, ...(anonymity.kept.get(member.id) as Generalised) }))
  const memberRows = published
    .map((member) => ({
      pseudonym: pseudonymOf.get(member.id) as string,
      region: member.region,
      profession: member.profession,
      joined_month: joinedPublished.joined.get(member.id) ?? '',
    }))
    .sort((x, y) => x.pseudonym.localeCompare(y.pseudonym))
  const pairs = keptPairs(inPeriod.connections, anonymity.kept, pseudonymOf)
  const connectionRows = pairs.map((pair) => ({
    pseudonym_a: pair.a,
    pseudonym_b: pair.b,
    accepted_month: monthOf(pair.at),
  }))
  await progress(40)

  const monthly = await monthlyRows(
    published.map((member) => ({ ...member, directoryVisible: true })),
    pairs.map((pair) => ({ from: pair.from, to: pair.to, acceptedAt: pair.at })),
    period.from,
    period.to ?? monthOf(input.createdAt),
  )
  await progress(80)

  const encoder = new TextEncoder()
  const files: Record<string, Uint8Array> = {
    [EXPORT_FILES.members]: encoder.encode(
      toCsv(memberRows, ['pseudonym', 'region', 'profession', 'joined_month']),
    ),
    [EXPORT_FILES.connections]: encoder.encode(
      toCsv(connectionRows, ['pseudonym_a', 'pseudonym_b', 'accepted_month']),
    ),
    [EXPORT_FILES.monthly]: encoder.encode(toCsv(monthly, MONTHLY_HEADER)),
    [EXPORT_FILES.dictionary]: encoder.encode(
      dataDictionary({ k: input.k, counts: anonymity.counts }),
    ),
  }
  const manifest = buildManifest({
    exportId: input.exportId,
    createdAt: input.createdAt,
    purpose: input.purpose,
    period: { from: period.from ?? null, to: period.to ?? null },
    k: input.k,
    rows: {
      [EXPORT_FILES.members]: memberRows.length,
      [EXPORT_FILES.connections]: connectionRows.length,
      [EXPORT_FILES.monthly]: monthly.length,
    },
    suppression: anonymity.counts,
    files,
  })
  files[EXPORT_FILES.manifest] = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)
  const mtime = new Date(input.createdAt)
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])),
    { level: 6 },
  )
  await progress(95)
  return {
    zip,
    sha256: sha256(zip),
    counts: {
      members: memberRows.length,
      connections: connectionRows.length,
      suppressed: anonymity.counts.suppressed,
    },
  }
}
