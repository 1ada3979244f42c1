import type { Config, Plugin } from 'payload'

import { buildSubscribers } from './collection'
import type { EmailSubscriptionsOptions, ResolvedSubscriptionOptions } from './types'

export type { EmailSubscriptionsOptions } from './types'

/**
 * "Get updates from Q": double opt-in subscriptions to publications in the given collections,
 * with per-topic choice and one-click unsubscribe. (Sending on publication, the weekly digest and
 * bounce handling are not built yet: see the open issue.)
 */
export const emailSubscriptions =
  (pluginOptions: EmailSubscriptionsOptions): Plugin =>
  (incoming: Config): Config => {
    const options: ResolvedSubscriptionOptions = {
      tokenLifetimeDays: 7,
      resendIntervalSeconds: 60,
      memberCollection: 'members',
      hardBouncesToSuppress: 3,
      clientAddress: (req) => req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined,
      disabled: false,
      ...pluginOptions,
    }
    return { ...incoming, collections: [...(incoming.collections ?? []), buildSubscribers(options)] }
  }
