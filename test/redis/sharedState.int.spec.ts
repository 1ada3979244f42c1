/**
 * The Redis implementations behind the shared limits, locks and figures, against a real private
 * redis-server. Two connections stand for two instances.
 */
import { memoryValueCache, memoryWindowCounter, secondsToWait } from '@plugins/shared/sharedState'
import { Redis } from 'ioredis'

import { startRedisServer } from '../../scripts/redisServer.mjs'
import { sharedFigure } from '../../src/network/sharedFigures'
import { redisKeyedLock, redisValueCache, redisWindowCounter } from '../../src/redis/sharedState'

let server: Awaited<ReturnType<typeof startRedisServer>>
let one: Redis
let two: Redis

beforeAll(async () => {
  server = await startRedisServer()
  one = new Redis(server.url)
  two = new Redis(server.url)
})

afterAll(async () => {
  await Promise.all([one?.quit(), two?.quit()])
  await server?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Work that records how many of its kind run at once. */
const concurrency = () => {
  let running = 0
  let most = 0
  return {
    work: async <T>(value: T, ms = 30): Promise<T> => {
      running += 1
      most = Math.max(most, running)
      await sleep(ms)
      running -= 1
      return value
    },
    most: () => most,
  }
}

test('secondsToWait: nothing up to the limit, then the rest of the window rounded up', () => {
  expect(secondsToWait({ count: 5, resetInMs: 10_000 }, 5)).toBe(0)
  expect(secondsToWait({ count: 6, resetInMs: 9_001 }, 5)).toBe(10)
  expect(secondsToWait({ count: 6, resetInMs: 0 }, 5)).toBe(1)
})

test('memory counter and cache: windows and expiry follow the clock', async () => {
  let now = 0
  const counter = memoryWindowCounter(() => now)
  expect(await counter.increment('k', 1000)).toEqual({ count: 1, resetInMs: 1000 })
  now = 400
  expect(await counter.increment('k', 1000)).toEqual({ count: 2, resetInMs: 600 })
  now = 1000
  expect(await counter.increment('k', 1000)).toEqual({ count: 1, resetInMs: 1000 })
  const cache = memoryValueCache(() => now)
  await cache.set('v', 'x', 100)
  expect(await cache.get('v')).toBe('x')
  now = 1100
  expect(await cache.get('v')).toBeUndefined()
})

test('window counter: hits from both instances count in one window, which then expires', async () => {
  const [a, b] = [redisWindowCounter(() => one), redisWindowCounter(() => two)]
  expect((await a.increment('login:1.2.3.4', 300)).count).toBe(1)
  const second = await b.increment('login:1.2.3.4', 300)
  expect(second.count).toBe(2)
  expect(second.resetInMs).toBeGreaterThan(0)
  expect(second.resetInMs).toBeLessThanOrEqual(300)
  await sleep(350)
  expect((await a.increment('login:1.2.3.4', 300)).count).toBe(1)
})

test('keyed lock: one holder of a key at a time across instances; other keys run alongside', async () => {
  const [a, b] = [
    redisKeyedLock(() => one, { retryEveryMs: 5 }),
    redisKeyedLock(() => two, { retryEveryMs: 5 }),
  ]
  const sameKey = concurrency()
  const results = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? a : b)('report:7', () => sameKey.work(i))),
  )
  expect(results).toEqual([0, 1, 2, 3, 4, 5])
  expect(sameKey.most()).toBe(1)

  const otherKeys = concurrency()
  await Promise.all([
    a('report:1', () => otherKeys.work(1, 100)),
    b('report:2', () => otherKeys.work(2, 100)),
  ])
  expect(otherKeys.most()).toBe(2)

  // A failing holder releases the lock.
  await expect(a('report:7', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
  expect(await b('report:7', async () => 'free')).toBe('free')
})

test('value cache: set on one instance, read on the other, gone after its lifetime', async () => {
  await redisValueCache(() => one).set('comment-stats:|', '{"total":3}', 200)
  expect(await redisValueCache(() => two).get('comment-stats:|')).toBe('{"total":3}')
  await sleep(250)
  expect(await redisValueCache(() => two).get('comment-stats:|')).toBeUndefined()
})

test('shared figure: computed once for both instances; figures under one lock never compute together', async () => {
  let computed = 0
  const compute = async () => {
    computed += 1
    await sleep(100)
    return { members: 42 }
  }
  const timings = { lockMs: 5000, pollMs: 10 }
  const both = await Promise.all([
    sharedFigure(one, {
      resultKey: '1:stats:2026-01-01',
      lockKey: 'network:1:stats',
      compute,
      timings,
    }),
    sharedFigure(two, {
      resultKey: '1:stats:2026-01-01',
      lockKey: 'network:1:stats',
      compute,
      timings,
    }),
  ])
  expect(both).toEqual([{ members: 42 }, { members: 42 }])
  expect(computed).toBe(1)

  // Brokers: one betweenness run at a time in the cluster, whatever the generation.
  const brokers = concurrency()
  await Promise.all([
    sharedFigure(one, {
      resultKey: '1:brokers',
      lockKey: 'network:brokers',
      compute: () => brokers.work(['a'], 80),
      timings,
    }),
    sharedFigure(two, {
      resultKey: '2:brokers',
      lockKey: 'network:brokers',
      compute: () => brokers.work(['b'], 80),
      timings,
    }),
  ])
  expect(brokers.most()).toBe(1)
})
