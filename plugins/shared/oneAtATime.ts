/**
 * Runs work for one key after the work already queued for that key in this process (a per-key
 * promise chain), whether that succeeded or failed. Keys are forgotten once their chain is idle.
 */
export const oneAtATimePerKey = () => {
  const running = new Map<string, Promise<unknown>>()
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const result = (running.get(key) ?? Promise.resolve()).then(work, work)
    const settled = result.then(
      () => undefined,
      () => undefined,
    )
    running.set(key, settled)
    void settled.then(() => {
      if (running.get(key) === settled) running.delete(key)
    })
    return result
  }
}
