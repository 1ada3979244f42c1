import type { Access } from 'payload'

import type { SanitizedOptions } from '../types'

/** Subscriber data, mailings and deliveries: readable by the host's admins only. */
export const adminsOnly =
  (options: SanitizedOptions): Access =>
  ({ req }) =>
    options.isAdmin(req.user)
