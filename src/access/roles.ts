/** Staff roles, held on `users.roles`. Members are a separate auth collection with no roles. */
export const STAFF_ROLES = ['admin', 'editor', 'moderator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Roles that may create, edit and publish content. */
export const CONTENT_ROLES: readonly StaffRole[] = ['admin', 'editor']
