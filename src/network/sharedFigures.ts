import type { Redis } from 'ioredis'

import { tryLock } from '../redis/sharedState'

/**
 * Network figures shared by every instance (REDIS_URL): the network's generation, bumped on every
 * change to members or connections, names the snapshot all instances compute from; a figure is
 * stored in Redis under that generation, computed by one instance while the others wait for it.
 */
const GENERATION_KEY = 'q-cms:network:generation'
const RESULT_TTL_MS = 24 * 60 * 60_000

export type FigureTimings = {
  /** How long a computing instance keeps the lock if it dies; betweenness over a large network takes minutes. */
  lockMs: number
  /** Pause between looks for the result (or the lock) while another instance computes. */
  pollMs: number
}

const DEFAULT_TIMINGS: FigureTimings = { lockMs: 10 * 60_000, pollMs: 200 }

export const readGeneration = async (redis: Redis): Promise<string> =>
  (await redis.get(GENERATION_KEY)) ?? '0'

export const bumpGeneration = async (redis: Redis): Promise<void> => {
  await redis.incr(GENERATION_KEY)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The stored figure under `resultKey`, or computed here under `lockKey` and stored, while any other
 * instance asking meanwhile waits and reads it. Several figures may share one `lockKey` (the brokers
 * ranking: one betweenness computation at a time in the whole cluster).
 */
export const sharedFigure = async <T>(
  redis: Redis,
  {
    resultKey,
    lockKey,
    compute,
    timings = DEFAULT_TIMINGS,
  }: { resultKey: string; lockKey: string; compute: () => Promise<T>; timings?: FigureTimings },
): Promise<T> => {
  const storedKey = `q-cms:network:figure:${resultKey}`
  for (;;) {
    const stored = await redis.get(storedKey)
    if (stored !== null) return JSON.parse(stored) as T
    const release = await tryLock(redis, lockKey, timings.lockMs)
    if (release) {
      try {
        // Another instance may have stored it between our look and our lock.
        const storedMeanwhile = await redis.get(storedKey)
        if (storedMeanwhile !== null) return JSON.parse(storedMeanwhile) as T
        const value = await compute()
        await redis.set(storedKey, JSON.stringify(value), 'PX', RESULT_TTL_MS)
        return value
      } finally {
        await release().catch(() => undefined)
      }
    }
    await sleep(timings.pollMs)
  }
}
