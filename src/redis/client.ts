import { Redis } from 'ioredis'

/**
 * One Redis connection per process, shared by everything that must agree across instances (the
 * read cache's generation, rate limits, flood control, locks). Only when `REDIS_URL` is set: a
 * single instance keeps all of that in memory and needs no Redis.
 */
let shared: Redis | undefined

export const redisURL = (): string | undefined => process.env.REDIS_URL || undefined

/** The process's Redis connection, or undefined when `REDIS_URL` is not set. */
export const getRedis = (): Redis | undefined => {
  const url = redisURL()
  if (!url) return undefined
  if (!shared) {
    shared = new Redis(url, {
      // Fail a command quickly while Redis is away rather than queueing requests behind it.
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    })
    shared.on('error', (error) => console.error(`[redis] ${error.message}`))
  }
  return shared
}

/** Closes the shared connection (server shutdown, tests). */
export const closeRedis = async (): Promise<void> => {
  const client = shared
  shared = undefined
  if (client) await client.quit().catch(() => client.disconnect())
}
