import { singleFlight } from '@/network/singleFlight'

const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('singleFlight', () => {
  it('shares one running computation between concurrent callers of a key', async () => {
    const flight = singleFlight<number>()
    const gate = deferred<number>()
    let runs = 0
    const compute = () => {
      runs++
      return gate.promise
    }
    const callers = Array.from({ length: 10 }, () => flight('brokers:2026-11-27', compute))
    const other = flight('brokers:2026-11-28', () => 7)
    gate.resolve(42)
    expect(await Promise.all(callers)).toEqual(Array(10).fill(42))
    expect(await other).toBe(7)
    expect(runs).toBe(1)
  })

  it('computes again once the previous run has settled, also after a failure', async () => {
    const flight = singleFlight<string>()
    const failing = deferred<string>()
    const first = flight('key', () => failing.promise)
    const joined = flight('key', () => 'never run')
    failing.reject(new Error('worker died'))
    await expect(first).rejects.toThrow('worker died')
    await expect(joined).rejects.toThrow('worker died')
    expect(await flight('key', () => 'fresh')).toBe('fresh')
  })

  it('turns a synchronous throw into a rejection and frees the key', async () => {
    const flight = singleFlight<string>()
    await expect(
      flight('key', () => {
        throw new Error('bad input')
      }),
    ).rejects.toThrow('bad input')
    expect(await flight('key', () => 'ok')).toBe('ok')
  })
})
