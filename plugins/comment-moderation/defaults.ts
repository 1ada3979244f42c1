import { memoryKeyedLock, memoryValueCache } from '@q-community/plugin-shared/sharedState'
import type { PayloadRequest } from 'payload'

import type { Options, SanitizedOptions } from './types'

const defaultIsModerator = (user: PayloadRequest['user']): boolean => {
  const roles: unknown = user?.roles
  return (
    user?.collection === 'users' &&
    Array.isArray(roles) &&
    roles.some((role) => role === 'admin' || role === 'moderator')
  )
}

const defaultClientAddress = (req: PayloadRequest): string | undefined =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined

/** Defaults first, then the host's options. */
export const sanitizeOptions = (options: Options): SanitizedOptions => ({
  authorCollection: 'members',
  staffCollection: 'users',
  maxReplyDepth: 3,
  clientDataRetentionDays: 30,
  isModerator: defaultIsModerator,
  clientAddress: defaultClientAddress,
  rules: [],
  digestSchedule: '0 0 * * * *',
  disabled: false,
  ...options,
  shared: {
    lock: options.shared?.lock ?? memoryKeyedLock(),
    cache: options.shared?.cache ?? memoryValueCache(),
  },
})
