import { oneAtATimePerKey } from './oneAtATime'

/**
 * State a plugin keeps between requests. By default it lives in this process's memory; a host that
 * runs several instances hands the plugin implementations that every instance shares (the CMS
 * wires Redis ones in plugins/index.ts), so the plugins themselves never need Redis.
 */

/** A count of hits per key in a fixed window that starts at the key's first hit. */
export type WindowCounter = {
  /** Counts one hit; returns the hits in the current window (this one included) and the ms until it ends. */
  increment: (key: string, windowMs: number) => Promise<{ count: number; resetInMs: number }>
}

/** Runs `work` while no other holder of the same key runs (in this process, or everywhere). */
export type KeyedLock = <T>(key: string, work: () => Promise<T>) => Promise<T>

/** Short-lived values by key (JSON strings), e.g. a figure computed once for everyone. */
export type ValueCache = {
  get: (key: string) => Promise<string | undefined>
  set: (key: string, value: string, ttlMs: number) => Promise<void>
}

/** Everything a plugin may share; each part is optional (memory by default). */
export type SharedState = { counter?: WindowCounter; lock?: KeyedLock; cache?: ValueCache }

/** Seconds to wait when a window holds more than `max` hits, else 0. */
export const secondsToWait = (
  { count, resetInMs }: { count: number; resetInMs: number },
  max: number,
): number => (count > max ? Math.max(1, Math.ceil(resetInMs / 1000)) : 0)

export const memoryWindowCounter = (now: () => number = Date.now): WindowCounter => {
  const windows = new Map<string, { startedAt: number; windowMs: number; count: number }>()
  return {
    increment: async (key, windowMs) => {
      const at = now()
      // Forget finished windows now and then, so the map stays as small as the traffic.
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (at - w.startedAt >= w.windowMs) windows.delete(k)
      let window = windows.get(key)
      if (!window || at - window.startedAt >= windowMs) {
        window = { startedAt: at, windowMs, count: 0 }
        windows.set(key, window)
      }
      window.count += 1
      return { count: window.count, resetInMs: window.startedAt + windowMs - at }
    },
  }
}

/** One at a time per key in this process: enough for a single instance. */
export const memoryKeyedLock = (): KeyedLock => oneAtATimePerKey()

export const memoryValueCache = (now: () => number = Date.now, maxEntries = 500): ValueCache => {
  const values = new Map<string, { value: string; expiresAt: number }>()
  return {
    get: async (key) => {
      const entry = values.get(key)
      if (!entry) return undefined
      if (entry.expiresAt > now()) return entry.value
      values.delete(key)
      return undefined
    },
    set: async (key, value, ttlMs) => {
      if (values.size >= maxEntries) values.delete(values.keys().next().value as string)
      values.set(key, { value, expiresAt: now() + ttlMs })
    },
  }
}
