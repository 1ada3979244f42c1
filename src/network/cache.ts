import type { Payload } from 'payload'

import type { NetworkConnection, NetworkMember } from './metrics'

/**
 * The network as last loaded, and every figure computed from it, kept per process until members
 * or connections change (the collections' hooks call `invalidateNetwork`).
 */
type Snapshot = { members: NetworkMember[]; connections: NetworkConnection[] }

let snapshot: Promise<Snapshot> | null = null
const computed = new Map<string, unknown>()

export const invalidateNetwork = (): void => {
  snapshot = null
  computed.clear()
}

const loadSnapshot = async (payload: Payload): Promise<Snapshot> => {
  const [members, connections] = await Promise.all([
    payload.find({
      collection: 'members',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { joinedAt: true, createdAt: true, region: true, profession: true, directoryVisible: true },
    }),
    payload.find({
      collection: 'connections',
      where: { status: { equals: 'accepted' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { from: true, to: true, acceptedAt: true, updatedAt: true },
    }),
  ])
  return {
    members: members.docs.map((member) => ({
      id: String(member.id),
      joinedAt: member.joinedAt ?? member.createdAt,
      region: member.region ?? null,
      profession: member.profession ?? null,
      directoryVisible: member.directoryVisible !== false,
    })),
    connections: connections.docs.map((connection) => ({
      from: String(typeof connection.from === 'object' ? connection.from.id : connection.from),
      to: String(typeof connection.to === 'object' ? connection.to.id : connection.to),
      acceptedAt: connection.acceptedAt ?? connection.updatedAt,
    })),
  }
}

export const networkSnapshot = (payload: Payload): Promise<Snapshot> => {
  if (!snapshot) {
    snapshot = loadSnapshot(payload)
    snapshot.catch(() => invalidateNetwork())
  }
  return snapshot
}

/** A figure computed once per snapshot, by key (e.g. `stats:2026-03-31`). */
export const cachedFigure = async <T>(key: string, compute: () => T | Promise<T>): Promise<T> => {
  if (computed.has(key)) return computed.get(key) as T
  const value = await compute()
  computed.set(key, value)
  return value
}
