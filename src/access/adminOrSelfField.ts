import type { FieldAccess } from 'payload'

import { checkRole } from './checkRole'
import { selfFieldIn } from './self'

/** Field-level: admins, or the user on their own document in `authCollection` (never editors). */
export const adminOrSelfFieldIn = (authCollection: string): FieldAccess => {
  const isSelf = selfFieldIn(authCollection)
  return (args) => checkRole(['admin'], args.req.user) || Boolean(isSelf(args))
}
