import type { Redis } from 'ioredis'

/**
 * The read cache's generation: a number that every write which can change a public response
 * raises. Cached responses carry the generation they were made in and are served only while it is
 * current, so an invalidation is one increment, whatever the cache holds.
 */
export type GenerationSource = {
  /** Where the number lives: this process, or Redis (shared by every instance). */
  readonly kind: 'memory' | 'redis'
  current: () => number | Promise<number>
  /** Raises the generation; resolves once every instance will see the new one. */
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

export const READ_CACHE_GENERATION_KEY = 'q-cms:read-cache:generation'

/**
 * The generation in Redis: one `INCR` per write, one `GET` per cached read. Chosen over pub/sub
 * (which is not acknowledged: another instance may serve a stale copy for as long as its message
 * takes) and over keeping the responses themselves in Redis (every hit would then move the whole
 * body over the network instead of ten bytes).
 */
export const redisGeneration = (redis: Redis, key = READ_CACHE_GENERATION_KEY): GenerationSource => ({
  kind: 'redis',
  current: async () => Number((await redis.get(key)) ?? 0),
  bump: async () => redis.incr(key),
})
