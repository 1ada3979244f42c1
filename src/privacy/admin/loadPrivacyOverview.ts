import { SLUGS } from '@collections/slugs'
import { Forbidden, type PayloadRequest } from 'payload'

import { RETENTION_TASKS } from '../retention/constants'

export type PrivacyOverview = {
  now: Date
  pendingErasures: {
    id: number | string
    requestedAt: string
    expiresAt: string | null
    memberName: string | null
  }[]
  exports: {
    id: number | string
    createdAt: string
    requestedBy: string | null
    purpose: string
    status: string
    progress: number | null
    members: number | null
    expiresAt: string | null
  }[]
  retention: {
    task: string
    ranAt: string | null
    ok: boolean
    removed: number
    error: string | null
  }[]
  /** Null when the viewer may not read the privacy log (it is for admins). */
  staffErasures: { id: number | string; at: string; by: string | null; reason: string }[] | null
}

/** How many rows each list shows: the full lists are the collections themselves. */
const LIST_LIMIT = 20

const nameOf = (value: unknown): string | null =>
  value && typeof value === 'object'
    ? ((value as { name?: string | null; email?: string | null }).name ??
      (value as { email?: string | null }).email ??
      null)
    : null

/** The Privacy area's figures, each read with the viewer's own access. */
export const loadPrivacyOverview = async (req: PayloadRequest): Promise<PrivacyOverview> => {
  const asViewer = { req, overrideAccess: false, depth: 1 } as const
  const [pending, exports, staffErasures, ...lastRuns] = await Promise.all([
    req.payload.find({
      ...asViewer,
      collection: SLUGS.erasureRequests,
      where: { status: { equals: 'pending' } },
      sort: 'requestedAt',
      limit: LIST_LIMIT,
    }),
    req.payload.find({
      ...asViewer,
      collection: SLUGS.networkExports,
      sort: '-createdAt',
      limit: LIST_LIMIT,
    }),
    req.payload
      .find({ ...asViewer, collection: SLUGS.privacyLog, sort: '-at', limit: LIST_LIMIT })
      .catch((error: unknown) => {
        if (error instanceof Forbidden) return null
        throw error
      }),
    ...Object.values(RETENTION_TASKS).map((task) =>
      req.payload.find({
        ...asViewer,
        collection: SLUGS.retentionRuns,
        where: { task: { equals: task } },
        sort: '-ranAt',
        limit: 1,
        depth: 0,
      }),
    ),
  ])
  return {
    now: new Date(),
    pendingErasures: pending.docs.map((request) => ({
      id: request.id,
      requestedAt: request.requestedAt,
      expiresAt: request.expiresAt ?? null,
      memberName: nameOf(request.member),
    })),
    exports: exports.docs.map((item) => ({
      id: item.id,
      createdAt: item.createdAt,
      requestedBy: nameOf(item.requestedBy),
      purpose: item.purpose,
      status: item.status,
      progress: item.progress ?? null,
      members: item.counts?.members ?? null,
      expiresAt: item.expiresAt ?? null,
    })),
    retention: Object.values(RETENTION_TASKS).map((task, index) => {
      const run = lastRuns[index].docs[0]
      return {
        task,
        ranAt: run?.ranAt ?? null,
        ok: run?.ok ?? true,
        removed: run?.removed ?? 0,
        error: run?.error ?? null,
      }
    }),
    staffErasures:
      staffErasures?.docs.map((entry) => ({
        id: entry.id,
        at: entry.at,
        by: nameOf(entry.by),
        reason: entry.reason,
      })) ?? null,
  }
}
