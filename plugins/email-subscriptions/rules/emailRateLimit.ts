/**
 * Subscribe requests per address, in a fixed window: counted whatever the address's state (new,
 * pending, confirmed), so a refusal tells nobody whether the address subscribes. Per process.
 */
export const createEmailRateLimit = (max: number, windowSeconds: number, now: () => number = Date.now) => {
  const windows = new Map<string, { startedAt: number; count: number }>()
  const windowMs = windowSeconds * 1000
  return {
    /** Counts one request; returns the seconds to wait when over the limit, else 0. */
    hit: (email: string): number => {
      const at = now()
      // Forget finished windows now and then, so the map stays as small as the traffic.
      if (windows.size > 10_000) for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key)
      const window = windows.get(email)
      if (!window || at - window.startedAt >= windowMs) {
        windows.set(email, { startedAt: at, count: 1 })
        return 0
      }
      window.count += 1
      return window.count > max ? Math.ceil((window.startedAt + windowMs - at) / 1000) : 0
    },
  }
}
