import { randomBytes } from 'node:crypto'

import { oneAtATimePerKey } from '@q-community/plugin-shared/oneAtATime'
import type {
  KeyedLock,
  SharedState,
  ValueCache,
  WindowCounter,
} from '@q-community/plugin-shared/sharedState'
import type { Redis } from 'ioredis'

import { getRedis, redisURL } from './client'

const PREFIX = 'q-cms:'

/** INCR, and start the window's expiry with the first hit (one round trip, atomic). */
const INCREMENT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`

/** Deletes the lock only if this holder still owns it (its expiry may have handed it to another). */
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

export const redisWindowCounter = (redis: () => Redis): WindowCounter => ({
  increment: async (key, windowMs) => {
    const [count, resetInMs] = (await redis().eval(
      INCREMENT_IN_WINDOW,
      1,
      `${PREFIX}count:${key}`,
      String(windowMs),
    )) as [number, number]
    return { count, resetInMs }
  },
})

export type LockTimings = {
  /** How long a lock lives if its holder dies without releasing it. */
  expiresAfterMs: number
  /** How long to wait for a held lock before giving up (and failing the work). */
  waitAtMostMs: number
  /** Pause between attempts while another holds it. */
  retryEveryMs: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Takes `key` (SET NX PX); returns the release function, or null when another holds it. */
export const tryLock = async (
  redis: Redis,
  key: string,
  expiresAfterMs: number,
): Promise<(() => Promise<void>) | null> => {
  const token = randomBytes(12).toString('hex')
  const taken = await redis.set(`${PREFIX}lock:${key}`, token, 'PX', expiresAfterMs, 'NX')
  if (taken !== 'OK') return null
  return async () => {
    await redis.eval(RELEASE_IF_OWNER, 1, `${PREFIX}lock:${key}`, token)
  }
}

/**
 * A lock per key across every instance: a Redis key with an expiry (a holder that dies frees it
 * after `expiresAfterMs`). Waiters in this process queue behind each other first, so only one of
 * them polls Redis.
 */
export const redisKeyedLock = (
  redis: () => Redis,
  timings: Partial<LockTimings> = {},
): KeyedLock => {
  const { expiresAfterMs = 30_000, waitAtMostMs = 30_000, retryEveryMs = 20 } = timings
  const local = oneAtATimePerKey()
  return (key, work) =>
    local(key, async () => {
      const deadline = Date.now() + waitAtMostMs
      let release = await tryLock(redis(), key, expiresAfterMs)
      while (!release) {
        if (Date.now() > deadline)
          throw new Error(`lock ${key} still held after ${waitAtMostMs} ms`)
        await sleep(retryEveryMs)
        release = await tryLock(redis(), key, expiresAfterMs)
      }
      try {
        return await work()
      } finally {
        await release().catch(() => undefined)
      }
    })
}

export const redisValueCache = (redis: () => Redis): ValueCache => ({
  get: async (key) => (await redis().get(`${PREFIX}value:${key}`)) ?? undefined,
  set: async (key, value, ttlMs) => {
    await redis().set(`${PREFIX}value:${key}`, value, 'PX', ttlMs)
  },
})

/**
 * What the plugins share through Redis when REDIS_URL is set; undefined otherwise (they then keep
 * it in memory). The connection opens on first use, not when the config is imported (builds,
 * type generation and migrations import it too).
 */
export const redisSharedState = (): Required<SharedState> | undefined => {
  if (!redisURL()) return undefined
  const redis = () => {
    const client = getRedis()
    if (!client) throw new Error('REDIS_URL was unset after start')
    return client
  }
  return {
    counter: redisWindowCounter(redis),
    lock: redisKeyedLock(redis),
    cache: redisValueCache(redis),
  }
}
