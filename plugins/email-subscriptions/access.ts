import type { Access } from 'payload'

/** Staff with the admin role (the host's `users` collection): the only readers of subscriber data. */
export const isAdmin: Access = ({ req }) => {
  const roles = (req.user as { roles?: unknown } | null)?.roles
  return req.user?.collection === 'users' && Array.isArray(roles) && roles.includes('admin')
}
