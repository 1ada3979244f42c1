import { memoryKeyedLock, memoryWindowCounter } from '@q-community/plugin-shared/sharedState'
import type { PayloadRequest } from 'payload'

import { DEFAULT_QUEUE } from './constants'
import { defaultTemplates } from './email/templates'
import type { Options, SanitizedOptions } from './types'

/** The default `isAdmin`: staff in the `users` collection with the `admin` role. */
export const isUsersAdmin = (user: PayloadRequest['user']): boolean => {
  const roles = user && 'roles' in user ? user.roles : undefined
  return user?.collection === 'users' && Array.isArray(roles) && roles.includes('admin')
}

/** The default `clientAddress`: the first `x-forwarded-for` entry. */
export const firstForwardedFor = (req: PayloadRequest): string | undefined =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined

/** Every default of the plugin, in one place (hosts read their environment and pass only what is set). */
export const defaults = {
  tokenLifetimeDays: 7,
  resendIntervalSeconds: 60,
  subscribeLimitPerEmail: { max: 5, windowSeconds: 3600 },
  memberCollection: 'members',
  hardBouncesToSuppress: 3,
  batchSize: 500,
  claimTimeoutSeconds: 300,
  deliveryRetentionDays: 90,
  digest: { cron: '0 8 * * 1', timeZone: 'Europe/London' },
  queue: { name: DEFAULT_QUEUE, cron: '*/10 * * * * *', maintenanceCron: '* * * * *' },
  retries: { attempts: 8, retryDelayMs: 5000 },
} as const

/** The keys that are set: a host may pass `undefined` for "not configured", which must not hide a default. */
const setKeysOf = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(
    Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>

/** Defaults first, then the host's options; nested groups are merged key by key. */
export const sanitizeOptions = (incoming: Options): SanitizedOptions => {
  const options: Options = {
    ...setKeysOf(incoming),
    topics: incoming.topics,
    serverURL: incoming.serverURL,
  }
  return {
    topicLabels: {},
    frontendURL: {},
    tokenLifetimeDays: defaults.tokenLifetimeDays,
    resendIntervalSeconds: defaults.resendIntervalSeconds,
    subscribeLimitPerEmail: { ...defaults.subscribeLimitPerEmail },
    memberCollection: defaults.memberCollection,
    isAdmin: isUsersAdmin,
    hardBouncesToSuppress: defaults.hardBouncesToSuppress,
    clientAddress: firstForwardedFor,
    batchSize: defaults.batchSize,
    claimTimeoutSeconds: defaults.claimTimeoutSeconds,
    deliveryRetentionDays: defaults.deliveryRetentionDays,
    disabled: false,
    contentWarnings: () => [],
    ...options,
    templates: { ...defaultTemplates, ...setKeysOf(options.templates) },
    shared: {
      counter: options.shared?.counter ?? memoryWindowCounter(),
      lock: options.shared?.lock ?? memoryKeyedLock(),
    },
    digest: { ...defaults.digest, ...setKeysOf(options.digest) },
    queue: { ...defaults.queue, ...setKeysOf(options.queue) },
    retries: { ...defaults.retries, ...setKeysOf(options.retries) },
  }
}
