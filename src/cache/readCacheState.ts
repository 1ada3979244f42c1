import { settings } from '../config/settings'
import { getRedis } from '../redis/client'
import { type GenerationSource, memoryGeneration, redisGeneration } from './generation'
import { type CachedResponse, ResponseCache, type ReadCacheStats } from './responseCache'

export type ReadCache = {
  responses: ResponseCache
  generation: GenerationSource
  /** Misses being answered now, so concurrent identical reads run Payload once. */
  inFlight: Map<string, Promise<CachedResponse | undefined>>
}

// The express host and Next's route handlers are separate bundles of this code in one process:
// the cache must be one object for both, so it lives on globalThis rather than in module state.
const STATE = Symbol.for('q-cms.readCache')
type Holder = { [STATE]?: ReadCache | null }

/** The process's read cache, or null when `READ_CACHE=off`. */
export const readCache = (): ReadCache | null => {
  const holder = globalThis as Holder
  if (holder[STATE] === undefined) {
    const redis = getRedis()
    holder[STATE] = settings.readCacheEnabled
      ? {
          responses: new ResponseCache(settings.readCacheMaxBytes, settings.readCacheTtlSeconds * 1000),
          generation: redis ? redisGeneration(redis) : memoryGeneration(),
          inFlight: new Map(),
        }
      : null
  }
  return holder[STATE] ?? null
}

/**
 * Makes every cached public response unservable (on every instance, with Redis). Awaited by
 * writes before they answer, so the writer's next read is fresh. A cache that cannot be reached
 * (Redis away) is reported, not thrown: the write itself has succeeded.
 */
export const invalidateReadCache = async (): Promise<void> => {
  const cache = readCache()
  if (!cache) return
  cache.responses.figures.invalidations++
  try {
    await cache.generation.bump()
  } catch (error) {
    console.error(`[read-cache] could not invalidate: ${(error as Error).message}`)
  }
  cache.responses.clear()
}

/** Figures for the admin: hits, misses, bytes held and the budget. */
export const readCacheStats = async (): Promise<ReadCacheStats | { enabled: false }> => {
  const cache = readCache()
  if (!cache) return { enabled: false }
  let generation: number | null = null
  try {
    generation = await cache.generation.current()
  } catch {
    generation = null
  }
  return cache.responses.stats(cache.generation.kind, generation)
}
