import { createHash, randomInt } from 'node:crypto'
import { renameSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Redis } from 'ioredis'

/**
 * The read cache's generation: a number that every write which can change a public response
 * moves on. Cached responses carry the generation they were made in and are served only while it
 * is current, so an invalidation is one increment, whatever the cache holds.
 */
export type GenerationSource = {
  /** Where the number lives: this process, or Redis (shared by every instance). */
  readonly kind: 'memory' | 'redis'
  current: () => number | Promise<number>
  /** Moves the generation on; resolves once every instance will see the new one. */
  bump: () => Promise<number>
}

export const memoryGeneration = (): GenerationSource => {
  let generation = 0
  return {
    kind: 'memory',
    current: () => generation,
    bump: async () => ++generation,
  }
}

/** How often a read looks at the marker file of other processes' writes (a `stat` per read was a sixth of a cached read's time). */
export const MARKER_CHECK_INTERVAL_MS = 20

/**
 * Without Redis, on one machine: the generation in this process, moved on as well whenever
 * another process on the machine (`npm run seed`, `npm run import`) writes the same database. Each
 * bump replaces a small marker file named after the database; reads compare the marker's identity
 * (a `stat`, no database; at most every `checkIntervalMs`) with the last one seen. A replaced
 * file has a new inode and change time, so two bumps in one clock tick are still two changes.
 * This process's own writes move the generation at once.
 */
export const machineGeneration = (
  databaseURL: string,
  directory = os.tmpdir(),
  checkIntervalMs = MARKER_CHECK_INTERVAL_MS,
): GenerationSource => {
  const marker = path.join(
    directory,
    `q-cms-read-cache-${createHash('sha256').update(databaseURL).digest('hex').slice(0, 16)}`,
  )
  let generation = 0
  let written = 0
  const identity = () => {
    try {
      const stats = statSync(marker, { bigint: true })
      return `${stats.ino}:${stats.ctimeNs}:${stats.mtimeNs}:${stats.size}`
    } catch {
      return 'none'
    }
  }
  let seen = identity()
  let checkedAt = performance.now()
  return {
    kind: 'memory',
    current: () => {
      const at = performance.now()
      if (at - checkedAt < checkIntervalMs) return generation
      checkedAt = at
      const now = identity()
      if (now !== seen) {
        seen = now
        generation++
      }
      return generation
    },
    bump: async () => {
      generation++
      try {
        // Different lengths as well as a new inode: nothing about the new file matches the old one.
        const next = `${marker}.${process.pid}.${++written}`
        writeFileSync(
          next,
          `${process.pid} ${written} ${process.hrtime.bigint()}${' '.repeat(written % 7)}`,
        )
        renameSync(next, marker)
      } catch (error) {
        console.error(
          `[read-cache] could not tell other processes of a write: ${(error as Error).message}`,
        )
      }
      return generation
    },
  }
}

export const READ_CACHE_GENERATION_KEY = 'q-cms:read-cache:generation'

/**
 * Longest a read waits for Redis before it is answered without the cache: a stalled Redis must
 * not stall the site.
 */
export const REDIS_GENERATION_TIMEOUT_MS = 250

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })

// A generation lost by Redis (restart without persistence, FLUSHALL, eviction) restarts at a
// random point, not at 0: counting up from 0 again could reach a number an instance still holds
// copies for, which it would then serve.
const START_IF_MISSING = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('GET', KEYS[1])`
const BUMP = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])`

/** A random start far from any number reached by counting (2^40 writes would take centuries). */
const randomStart = () => String(randomInt(2 ** 40, 2 ** 47))

/**
 * The generation in Redis: one `INCR` per write, one `GET` per cached read. Chosen over pub/sub
 * (which is not acknowledged: another instance may serve a stale copy for as long as its message
 * takes) and over keeping the responses themselves in Redis (every hit would then move the whole
 * body over the network instead of a few bytes).
 */
export const redisGeneration = (
  redis: Redis,
  key = READ_CACHE_GENERATION_KEY,
  timeoutMs = REDIS_GENERATION_TIMEOUT_MS,
): GenerationSource => ({
  kind: 'redis',
  current: async () => {
    const value = await withTimeout(redis.get(key), timeoutMs)
    if (value !== null) return Number(value)
    return Number(
      await withTimeout(
        redis.eval(START_IF_MISSING, 1, key, randomStart()) as Promise<string>,
        timeoutMs,
      ),
    )
  },
  bump: async () =>
    Number(
      await withTimeout(redis.eval(BUMP, 1, key, randomStart()) as Promise<number>, timeoutMs),
    ),
})
