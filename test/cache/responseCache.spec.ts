import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { machineGeneration, memoryGeneration } from '@/cache/generation'
import { type CachedResponse, ResponseCache } from '@/cache/responseCache'

const entry = (generation: number, bytes = 100, text = 'x'): CachedResponse => ({
  generation,
  status: 200,
  headers: [['content-type', 'application/json']],
  hash: text,
  bodies: {
    identity: Buffer.alloc(bytes, text),
    gzip: Buffer.alloc(bytes / 2),
    br: Buffer.alloc(bytes / 4),
  },
})

describe('ResponseCache', () => {
  test('serves an entry only in the generation it was made in', () => {
    const cache = new ResponseCache(1024 * 1024, 60_000)
    cache.set('GET /api/blogs', entry(1))
    expect(cache.get('GET /api/blogs', 1)?.hash).toBe('x')
    expect(cache.get('GET /api/blogs', 2)).toBeUndefined()
    // And it is gone: going back to generation 1 (cannot happen) would not revive it.
    expect(cache.get('GET /api/blogs', 1)).toBeUndefined()
  })

  test('does not keep a response made before a newer generation was seen', () => {
    const cache = new ResponseCache(1024 * 1024, 60_000)
    expect(cache.get('GET /api/events', 5)).toBeUndefined()
    cache.set('GET /api/events', entry(4))
    expect(cache.stats('memory', 5).entries).toBe(0)
    expect(cache.figures.stores).toBe(0)
  })

  test('keeps its bytes under the budget, least recently used out first', () => {
    const cache = new ResponseCache(10_000, 60_000)
    for (let index = 0; index < 20; index++) {
      cache.set(`GET /api/blogs/${index}`, entry(1, 1000))
      cache.get('GET /api/blogs/0', 1)
    }
    const stats = cache.stats('memory', 1)
    expect(stats.bytes).toBeLessThanOrEqual(10_000)
    expect(stats.entries).toBeGreaterThan(1)
    expect(stats.entries).toBeLessThan(20)
    // Read after every store: still there.
    expect(cache.get('GET /api/blogs/0', 1)).toBeDefined()
    expect(cache.get('GET /api/blogs/1', 1)).toBeUndefined()
  })

  test('does not take a response larger than the whole budget', () => {
    const cache = new ResponseCache(1000, 60_000)
    cache.set('GET /api/big', entry(0, 4000))
    expect(cache.get('GET /api/big', 0)).toBeUndefined()
  })

  test('entries expire after the TTL', async () => {
    const cache = new ResponseCache(1024 * 1024, 30)
    cache.set('GET /api/network/stats', entry(0))
    expect(cache.get('GET /api/network/stats', 0)).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(cache.get('GET /api/network/stats', 0)).toBeUndefined()
  })

  test('reports hit rate, bytes and budget', () => {
    const cache = new ResponseCache(1024 * 1024, 60_000)
    cache.figures.hits = 3
    cache.figures.misses = 1
    cache.set('GET /api/blogs', entry(0, 100))
    const stats = cache.stats('memory', 0)
    expect(stats).toMatchObject({
      enabled: true,
      hitRate: 0.75,
      entries: 1,
      maxBytes: 1024 * 1024,
      generationStore: 'memory',
    })
    expect(stats.bytes).toBeGreaterThanOrEqual(175)
  })
})

describe('memoryGeneration', () => {
  test('bump raises the current generation', async () => {
    const generation = memoryGeneration()
    expect(generation.current()).toBe(0)
    expect(await generation.bump()).toBe(1)
    expect(generation.current()).toBe(1)
  })
})

describe('machineGeneration', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'q-cms-generation-'))

  test('a write in another process on the same database moves this one on, every time', async () => {
    const server = machineGeneration('file:./data/q.db', directory, 0)
    const seedCommand = machineGeneration('file:./data/q.db', directory, 0)
    const otherDatabase = machineGeneration('file:./data/other.db', directory, 0)
    let seen = await server.current()
    // Back to back, faster than any file-time tick: each is still seen.
    for (let write = 0; write < 20; write++) {
      await seedCommand.bump()
      const now = await server.current()
      expect(now).not.toBe(seen)
      seen = now
    }
    expect(await server.current()).toBe(seen)
    const before = await otherDatabase.current()
    await seedCommand.bump()
    expect(await otherDatabase.current()).toBe(before)
  })

  test("another process's write is seen within the check interval", async () => {
    const server = machineGeneration('file:./interval.db', directory, 50)
    const seedCommand = machineGeneration('file:./interval.db', directory, 0)
    const before = await server.current()
    await seedCommand.bump()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(await server.current()).not.toBe(before)
  })

  test('its own bump moves it on too', async () => {
    const generation = machineGeneration('file:./own.db', directory)
    const before = await generation.current()
    await generation.bump()
    expect(await generation.current()).not.toBe(before)
  })
})

describe('ResponseCache.modifiedAt', () => {
  it('keeps the date while the body is the same and moves it on, by a whole second, when it changes', () => {
    const cache = new ResponseCache(1024 * 1024, 60_000)
    const now = Date.parse('2026-11-28T10:00:00.400Z')
    const first = cache.modifiedAt('GET /api/feeds/blogs.xml', 'a', now)
    expect(first).toBe(Date.parse('2026-11-28T10:00:01.000Z'))
    expect(cache.modifiedAt('GET /api/feeds/blogs.xml', 'a', now + 5000)).toBe(first)
    // Changed within the same second: still later than the date readers already hold.
    expect(cache.modifiedAt('GET /api/feeds/blogs.xml', 'b', now + 100)).toBe(first + 1000)
    expect(cache.modifiedAt('GET /api/feeds/all.xml', 'b', now)).toBe(first)
  })
})
