import {
  memoryWindowCounter,
  secondsToWait,
  type WindowCounter,
} from '@q-community/plugin-shared/sharedState'

/**
 * Subscribe requests per address, in a fixed window: counted whatever the address's state (new,
 * pending, confirmed), so a refusal tells nobody whether the address subscribes. Counted where the
 * counter keeps them: this process by default, every instance with a shared counter.
 */
export const createEmailRateLimit = (
  max: number,
  windowSeconds: number,
  counter: WindowCounter = memoryWindowCounter(),
) => ({
  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit: async (email: string): Promise<number> =>
    secondsToWait(await counter.increment(`subscribe-email:${email}`, windowSeconds * 1000), max),
})
