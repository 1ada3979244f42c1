import { SLUGS } from '@collections/slugs'

import type { StaffRole } from './roles'

/** The shape of `req.user` this module relies on; kept loose so it works before types are generated. */
export type RequestUser =
  | {
      id: number | string
      collection: string
      roles?: (StaffRole | string)[] | null
    }
  | null
  | undefined

export const isStaffUser = (user: RequestUser): boolean => user?.collection === SLUGS.users

/** True when a staff user holds at least one of `roles`. Members never hold staff roles. */
export const checkRole = (roles: readonly StaffRole[], user: RequestUser): boolean =>
  isStaffUser(user) && Boolean(user?.roles?.some((role) => roles.includes(role as StaffRole)))
