import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { nobody } from '@/access/nobody'
import { ERASURE_SOURCES, ERASURE_STATUSES } from '@/privacy/rights/rules'

import { SLUGS } from '../slugs'

/**
 * Requests to erase a member: written by the server only (the member's request, the confirmation,
 * a staff erasure). At erasure `member` is nulled and the row keeps only status and dates, so the
 * Privacy area can show that requests were honoured, and when, without saying whose they were.
 */
export const ErasureRequests: CollectionConfig = {
  slug: SLUGS.erasureRequests,
  labels: { singular: 'Erasure request', plural: 'Erasure requests' },
  admin: {
    group: 'Privacy',
    useAsTitle: 'status',
    defaultColumns: ['status', 'source', 'member', 'requestedAt', 'expiresAt', 'completedAt'],
    description:
      'Requests to erase a member account. Once completed, only the status and dates remain.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: isAdmin },
  defaultSort: '-requestedAt',
  fields: [
    { name: 'member', type: 'relationship', relationTo: SLUGS.members, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: ERASURE_STATUSES.map((value) => ({ label: value, value })),
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: ERASURE_SOURCES.map((value) => ({ label: value, value })),
    },
    { name: 'requestedAt', type: 'date', required: true, index: true },
    { name: 'expiresAt', type: 'date' },
    { name: 'completedAt', type: 'date' },
    // The single-use link's hash: the token itself is only in the member's email.
    { name: 'tokenHash', type: 'text', index: true, hidden: true },
  ],
  timestamps: true,
}
