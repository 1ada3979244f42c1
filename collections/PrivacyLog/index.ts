import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'

import { SLUGS } from '../slugs'

export const PRIVACY_LOG_ACTIONS = ['member-erased-by-staff'] as const

/**
 * What staff did with members' personal data, and why: who acted, when, and how many rows it
 * touched. It never names the member (no name, email or id), or the log would keep what was erased.
 */
export const PrivacyLog: CollectionConfig = {
  slug: SLUGS.privacyLog,
  labels: { singular: 'Privacy log entry', plural: 'Privacy log' },
  // Named by its entries in GraphQL too (the labels would make the list query `PrivacyLog`).
  graphQL: { singularName: 'PrivacyLogEntry', pluralName: 'PrivacyLogEntries' },
  admin: {
    group: 'Privacy',
    useAsTitle: 'action',
    defaultColumns: ['action', 'reason', 'by', 'at'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-at',
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      options: PRIVACY_LOG_ACTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'reason', type: 'textarea', required: true },
    { name: 'by', type: 'relationship', relationTo: SLUGS.users },
    { name: 'at', type: 'date', required: true, index: true },
    {
      name: 'counts',
      type: 'json',
      admin: { description: 'How many rows of each kind were deleted or anonymised.' },
    },
  ],
  timestamps: true,
}
