import type { Access, PayloadRequest } from 'payload'

import type { ResolvedSubscriptionOptions } from './types'

/** The default `isAdmin`: staff in the `users` collection with the `admin` role. */
export const isUsersAdmin = (user: PayloadRequest['user']): boolean => {
  const roles = (user as { roles?: unknown } | null)?.roles
  return user?.collection === 'users' && Array.isArray(roles) && roles.includes('admin')
}

/** Subscriber data, mailings and deliveries: readable by the host's admins only. */
export const adminsOnly =
  (options: ResolvedSubscriptionOptions): Access =>
  ({ req }) =>
    options.isAdmin(req.user)
