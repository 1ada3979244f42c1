import { settings } from '../config/settings'
import { getRedis } from '../redis/client'
import { type GenerationSource, machineGeneration, redisGeneration } from './generation'
import { type CachedResponse, type ReadCacheStats, ResponseCache } from './responseCache'

export type ReadCache = {
  responses: ResponseCache
  generation: GenerationSource
  /** Misses being answered now, so concurrent identical reads run Payload once. */
  inFlight: Map<string, Promise<CachedResponse | undefined>>
  /**
   * An invalidation that could not reach the generation store (Redis away). Until it does, this
   * instance neither serves nor keeps copies, and retries it every second.
   */
  pendingInvalidation: boolean
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
          responses: new ResponseCache(
            settings.readCacheMaxBytes,
            settings.readCacheTtlSeconds * 1000,
          ),
          generation: redis ? redisGeneration(redis) : machineGeneration(settings.databaseURL),
          inFlight: new Map(),
          pendingInvalidation: false,
        }
      : null
  }
  return holder[STATE] ?? null
}

const RETRY_INVALIDATION_MS = 1000

/** One retry chain per outage: bumps every second until the generation store takes it. */
const retryUntilBumped = (cache: ReadCache) => {
  setTimeout(() => {
    cache.generation.bump().then(
      () => {
        cache.pendingInvalidation = false
      },
      () => retryUntilBumped(cache),
    )
  }, RETRY_INVALIDATION_MS).unref()
}

const bumpOrRetry = async (cache: ReadCache): Promise<void> => {
  try {
    await cache.generation.bump()
    cache.pendingInvalidation = false
  } catch (error) {
    if (cache.pendingInvalidation) return
    console.error(
      `[read-cache] could not invalidate, retrying every second: ${(error as Error).message}`,
    )
    cache.pendingInvalidation = true
    retryUntilBumped(cache)
  }
}

/**
 * Makes every cached public response unservable (on every instance, with Redis). Awaited by
 * writes before they answer, so the writer's next read is fresh. A generation store that cannot
 * be reached (Redis away) is retried, not thrown: the write itself has succeeded.
 */
export const invalidateReadCache = async (): Promise<void> => {
  const cache = readCache()
  if (!cache) return
  cache.responses.figures.invalidations++
  cache.responses.clear()
  await bumpOrRetry(cache)
}

/**
 * The generation to serve and keep copies in; throws when it cannot be known for sure (Redis
 * away, or an invalidation of this instance's still waiting to reach it).
 */
export const currentGeneration = async (cache: ReadCache): Promise<number> => {
  if (cache.pendingInvalidation)
    throw new Error('an invalidation has not reached the generation store yet')
  return cache.generation.current()
}

/** Figures for the admin: hits, misses, bytes held and the budget. */
export const readCacheStats = async (): Promise<ReadCacheStats | { enabled: false }> => {
  const cache = readCache()
  if (!cache) return { enabled: false }
  // The figures still show when Redis cannot say the generation.
  const generation = await Promise.resolve()
    .then(() => cache.generation.current())
    .catch(() => null)
  return cache.responses.stats(cache.generation.kind, generation)
}
