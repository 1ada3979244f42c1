import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

import type { NetworkConnection } from '@/network/metrics'

import type { ArchiveMember } from './buildArchive'

const PAGE = 1_000

/** Every document matching `where`, a page at a time, straight from the database adapter. */
const readAll = async <T>(
  payload: Payload,
  collection: typeof SLUGS.members | typeof SLUGS.connections,
  where: Parameters<Payload['db']['find']>[0]['where'],
  select: Record<string, true>,
): Promise<T[]> => {
  const all: T[] = []
  for (let page = 1; ; page++) {
    const result = await payload.db.find<T>({
      collection,
      where,
      select,
      limit: PAGE,
      page,
      sort: 'id',
    })
    all.push(...result.docs)
    if (!result.hasNextPage) return all
  }
}

const idOf = (value: unknown): string =>
  value !== null && typeof value === 'object' && 'id' in value ? String(value.id) : String(value)

/**
 * The members who opted in to network analysis (`networkAnalysis = true`, read from the database
 * when the export is built, not from the network cache) and the accepted connections between two
 * of them. Connections with anyone else are left out here, before anything is computed.
 */
export const loadConsenting = async (
  payload: Payload,
): Promise<{ members: ArchiveMember[]; connections: NetworkConnection[] }> => {
  type MemberRow = {
    id: number | string
    joinedAt?: string | null
    createdAt?: string | null
    region?: string | null
    profession?: string | null
  }
  type ConnectionRow = {
    from: unknown
    to: unknown
    acceptedAt?: string | null
    updatedAt?: string | null
  }
  const memberRows = await readAll<MemberRow>(
    payload,
    SLUGS.members,
    { networkAnalysis: { equals: true } },
    { joinedAt: true, createdAt: true, region: true, profession: true },
  )
  const members = memberRows.map((row) => ({
    id: String(row.id),
    joinedAt: String(row.joinedAt ?? row.createdAt ?? ''),
    region: row.region ?? null,
    profession: row.profession ?? null,
  }))
  const consenting = new Set(members.map((member) => member.id))
  const connectionRows = await readAll<ConnectionRow>(
    payload,
    SLUGS.connections,
    { status: { equals: 'accepted' } },
    { from: true, to: true, acceptedAt: true, updatedAt: true },
  )
  const connections = connectionRows
    .map((row) => ({
      from: idOf(row.from),
      to: idOf(row.to),
      acceptedAt: String(row.acceptedAt ?? row.updatedAt ?? ''),
    }))
    .filter((connection) => consenting.has(connection.from) && consenting.has(connection.to))
  return { members, connections }
}
