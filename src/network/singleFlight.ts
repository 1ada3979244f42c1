/**
 * Runs one computation per key at a time: callers arriving while it runs get the same promise,
 * so ten concurrent requests for an expensive figure start one computation, not ten. Once it
 * settles (either way) the key is free again; caching the result is the caller's business.
 */
export const singleFlight = <T>() => {
  const inFlight = new Map<string, Promise<T>>()
  return (key: string, compute: () => T | Promise<T>): Promise<T> => {
    const running = inFlight.get(key)
    if (running) return running
    const promise = (async () => compute())().finally(() => inFlight.delete(key))
    inFlight.set(key, promise)
    return promise
  }
}
