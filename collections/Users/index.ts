import type { CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/checkRole'
import { or } from '@/access/combine'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isStaff, isStaffField } from '@/access/isStaff'
import { STAFF_ROLES } from '@/access/roles'
import { selfIn } from '@/access/self'

import { SLUGS } from '../slugs'
import { usersFirstRegisterEndpoints } from './firstRegister/endpoints'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

/** Staff accounts: the only people who use the admin UI. */
export const Users: CollectionConfig = {
  slug: SLUGS.users,
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    group: 'Staff',
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
  },
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    create: isAdmin,
    read: isStaff,
    update: or(isAdmin, selfIn(SLUGS.users)),
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
  },
  // In front of Payload's own first-register: closed once staff exist, and before that only with the setup link.
  endpoints: usersFirstRegisterEndpoints,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'email', type: 'email', access: { read: isStaffField } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: STAFF_ROLES.map((role) => ({
        label: role[0].toUpperCase() + role.slice(1),
        value: role,
      })),
      saveToJWT: true,
      access: {
        // Only admins grant or remove roles; the first-user hook runs after field access.
        create: isAdminField,
        update: isAdminField,
      },
      admin: { position: 'sidebar' },
    },
  ],
}
