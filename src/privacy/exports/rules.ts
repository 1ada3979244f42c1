import type { Where } from 'payload'

/** A build that has not moved for this long died with its server (a build updates progress often). */
export const ABANDONED_BUILD_MS = 30 * 60_000

/** Ready exports whose time is up: their ZIP goes, the record stays. */
export const expiredExports = (now: Date): Where => ({
  and: [{ status: { equals: 'ready' } }, { expiresAt: { less_than_equal: now.toISOString() } }],
})

/** Builds left `building` by a server that stopped mid-way: marked failed, so staff ask again. */
export const abandonedBuilds = (now: Date): Where => ({
  and: [
    { status: { equals: 'building' } },
    { updatedAt: { less_than: new Date(now.getTime() - ABANDONED_BUILD_MS).toISOString() } },
  ],
})
