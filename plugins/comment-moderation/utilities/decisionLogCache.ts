import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { DECISIONS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'

/** One indexed read: the id of the newest decision, or none (the log only grows). */
const newestDecisionId = async (payload: Payload): Promise<number | string | null> => {
  const { docs } = await payload.find({
    collection: DECISIONS_SLUG,
    sort: '-id',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { decidedAt: true },
  })
  return docs[0]?.id ?? null
}

/**
 * Public figures counted from the decision log, kept until the next decision and at most
 * `seconds` (or the `ttlSeconds` of the call): keyed by the newest decision's id, so a decision on any instance is counted at once;
 * the promise is kept in this process (concurrent identical requests share one count) and the
 * answer in `shared.cache` (several instances count it once). Anonymous callers cannot make the
 * server read the log over and over.
 */
export const decisionLogCache = <T>(
  options: SanitizedOptions,
  { name, seconds, entries }: { name: string; seconds: number; entries: number },
) => {
  const local = new LRUCache<string, Promise<T>>({ max: entries, ttl: seconds * 1000 })
  const countShared = async (key: string, ttlSeconds: number, count: () => Promise<T>) => {
    const cacheKey = `${name}:${key}`
    const cached = await options.shared.cache.get(cacheKey)
    if (cached) return JSON.parse(cached) as T
    const answer = await count()
    await options.shared.cache.set(cacheKey, JSON.stringify(answer), ttlSeconds * 1000)
    return answer
  }
  /** The answer for `params` (as the caller sent them), counted by `count` when not kept. */
  return async (
    payload: Payload,
    params: string,
    count: () => Promise<T>,
    ttlSeconds = seconds,
  ): Promise<T> => {
    const key = `${await newestDecisionId(payload)}|${params}`
    let answer = local.get(key)
    if (!answer) {
      answer = countShared(key, ttlSeconds, count)
      local.set(key, answer, { ttl: ttlSeconds * 1000 })
      answer.catch(() => local.delete(key))
    }
    return answer
  }
}
