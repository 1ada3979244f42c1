import { LRUCache } from 'lru-cache'

import type { ContentEncoding } from './readRequest'

/** One public response, kept as the exact bytes in every encoding it is served in. */
export type CachedResponse = {
  generation: number
  status: number
  /** Response headers to replay (CORS origin headers are added per request). */
  headers: [string, string][]
  /** Content hash of the identity body: the ETag's value. */
  hash: string
  /** The compressed copies arrive after the entry is first served (compressing is not on the miss's path). */
  bodies: { identity: Buffer } & Partial<Record<Exclude<ContentEncoding, 'identity'>, Buffer>>
}

export type ReadCacheFigures = {
  hits: number
  misses: number
  /** 304 answers to `If-None-Match`, from the cache or after a miss. */
  notModified: number
  stores: number
  invalidations: number
  /** Reads not cached because the generation could not be read (Redis away). */
  bypassed: number
}

export type ReadCacheStats = ReadCacheFigures & {
  enabled: true
  generationStore: 'memory' | 'redis'
  generation: number | null
  entries: number
  bytes: number
  maxBytes: number
  hitRate: number | null
}

const entrySize = (key: string, entry: CachedResponse) =>
  key.length +
  entry.bodies.identity.length +
  (entry.bodies.gzip?.length ?? 0) +
  (entry.bodies.br?.length ?? 0) +
  256

/**
 * The response bytes, least recently used first out when the byte budget is reached. Entries also
 * expire after `ttlMs`: a few public figures depend on the date (stats for "the last 30 days"),
 * which no write announces.
 */
export class ResponseCache {
  readonly figures: ReadCacheFigures = {
    hits: 0,
    misses: 0,
    notModified: 0,
    stores: 0,
    invalidations: 0,
    bypassed: 0,
  }
  private readonly entries: LRUCache<string, CachedResponse>
  private lastGeneration: number | undefined
  /** Per key, the body last kept and when it first appeared: outlives generations (see modifiedAt). */
  private readonly bodiesSeen = new LRUCache<string, { hash: string; at: number }>({ max: 2000 })

  constructor(
    readonly maxBytes: number,
    ttlMs: number,
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => entrySize(key, entry),
      ttl: ttlMs,
    })
  }

  /** The entry for `key` made in `generation`; entries of an older generation are dropped. */
  get(key: string, generation: number): CachedResponse | undefined {
    this.observe(generation)
    const entry = this.entries.get(key)
    if (entry && entry.generation !== generation) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  set(key: string, entry: CachedResponse): void {
    if (this.lastGeneration === undefined) this.observe(entry.generation)
    // A response made in another generation than the current one (a write came while it was
    // made) is not kept.
    if (entry.generation !== this.lastGeneration) return
    // Larger than the whole budget: lru-cache would refuse it anyway; say so in the figures.
    if (entrySize(key, entry) > this.maxBytes) return
    this.entries.set(key, entry)
    this.figures.stores++
  }

  /**
   * When the body kept under `key` last changed (ms, whole seconds as HTTP dates carry them): the
   * same as before while the body is the same, otherwise now and always later than the last answer,
   * so an `If-Modified-Since` from an older copy never matches a changed body.
   */
  modifiedAt(key: string, hash: string, now = Date.now()): number {
    const seen = this.bodiesSeen.get(key)
    if (seen?.hash === hash) return seen.at
    const at = Math.max(Math.ceil(now / 1000) * 1000, seen ? seen.at + 1000 : 0)
    this.bodiesSeen.set(key, { hash, at })
    return at
  }

  /** Counts an entry's bytes again once its compressed copies are added, if it is still held. */
  resized(key: string, entry: CachedResponse): void {
    if (this.entries.peek(key) !== entry) return
    if (entrySize(key, entry) > this.maxBytes) {
      this.entries.delete(key)
      return
    }
    this.entries.set(key, entry)
  }

  /**
   * Frees everything at once when the generation moves on (the old entries can never be served).
   * Any change counts, not only a rise: a generation Redis lost restarts somewhere else.
   */
  private observe(generation: number) {
    if (generation !== this.lastGeneration) {
      this.lastGeneration = generation
      this.entries.clear()
    }
  }

  clear(): void {
    this.entries.clear()
  }

  stats(generationStore: 'memory' | 'redis', generation: number | null): ReadCacheStats {
    const { hits, misses } = this.figures
    return {
      enabled: true,
      ...this.figures,
      generationStore,
      generation,
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
      maxBytes: this.maxBytes,
      hitRate: hits + misses === 0 ? null : hits / (hits + misses),
    }
  }
}
