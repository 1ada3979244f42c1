/**
 * The read cache's generation in a real redis-server, seen by two "instances" (two connections,
 * two caches): a write on one makes the other's copies unservable at once; with Redis gone, no
 * copy is served.
 */
import { Redis } from 'ioredis'

import { redisGeneration } from '@/cache/generation'
import { type CachedResponse, ResponseCache } from '@/cache/responseCache'

import { startRedisServer } from '../../scripts/redisServer.mjs'

type RedisServer = Awaited<ReturnType<typeof startRedisServer>>
let redisServer: RedisServer
const connections: Redis[] = []

const instance = (url: string) => {
  const connection = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null })
  connection.on('error', () => undefined)
  connections.push(connection)
  return {
    generation: redisGeneration(connection, 'test:read-cache:generation'),
    cache: new ResponseCache(1024 * 1024, 60_000),
  }
}

const entry = (generation: number, text: string): CachedResponse => ({
  generation,
  status: 200,
  headers: [],
  hash: text,
  bodies: { identity: Buffer.from(text), gzip: Buffer.from(text), br: Buffer.from(text) },
})

beforeAll(async () => {
  redisServer = await startRedisServer()
})

afterAll(async () => {
  // quit() waits for the socket to close. A connection whose server was stopped has ended already:
  // disconnect() on it would start ioredis's 2 s destroy timer on a socket that never closes again,
  // and that timer keeps the jest worker from exiting.
  await Promise.all(
    connections
      .filter((connection) => connection.status !== 'end')
      .map((connection) => connection.quit()),
  )
  await redisServer?.stop()
})

test("a bump on one instance makes the other instance's copy unservable at once", async () => {
  const a = instance(redisServer.url)
  const b = instance(redisServer.url)
  const before = await a.generation.current()
  a.cache.set('GET /api/blogs', entry(before, 'old list'))
  expect(a.cache.get('GET /api/blogs', await a.generation.current())?.hash).toBe('old list')

  await b.generation.bump()
  const after = await a.generation.current()
  expect(after).toBe(before + 1)
  // A generation starts far from 0, so one Redis lost and counted up again cannot meet old copies.
  expect(before).toBeGreaterThan(2 ** 40)
  expect(await b.generation.current()).toBe(after)
  expect(a.cache.get('GET /api/blogs', after)).toBeUndefined()
})

test('a generation Redis lost restarts elsewhere, and an instance holding copies drops them', async () => {
  const a = instance(redisServer.url)
  const b = instance(redisServer.url)
  const before = await a.generation.current()
  a.cache.set('GET /api/events', entry(before, 'before the flush'))
  await b.generation.bump()
  await connections[connections.length - 1].flushall()
  const restarted = await a.generation.current()
  expect(restarted).not.toBe(before)
  expect(restarted).not.toBe(before + 1)
  expect(a.cache.get('GET /api/events', restarted)).toBeUndefined()
})

test('with Redis unreachable the generation cannot be read, so the cache is not used', async () => {
  const stopped = await startRedisServer()
  const a = instance(stopped.url)
  await a.generation.bump()
  await stopped.stop()
  await expect(Promise.resolve().then(() => a.generation.current())).rejects.toThrow()
})
