import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { nobody } from '@/access/nobody'
import { serverOnlyField } from '@/access/serverOnlyField'
import { EXPORT_STATUSES, PURPOSE_LENGTH } from '@/privacy/exports/constants'

import { SLUGS } from '../slugs'
import { deleteFile } from './hooks/deleteFile'
import { queueBuild } from './hooks/queueBuild'
import { setRequesterAndKey } from './hooks/setRequesterAndKey'

const serverOnly = { create: serverOnlyField, update: serverOnlyField }

const monthOrEmpty = (value: string | null | undefined) =>
  !value || /^\d{4}-(0[1-9]|1[0-2])$/.test(value) || 'A month, YYYY-MM.'
const COMPONENTS = '/privacy/exports/admin'

/**
 * Evaluation-ready network exports: staff request one with a stated purpose
 * (`POST /api/network/exports` or the admin's create form), a job on the `network-exports` queue
 * builds the ZIP (see src/privacy/exports), staff download it until it expires. Only the server
 * changes an export after it is requested; admins delete. Every export stays listed (who, when,
 * why) after its file has expired.
 */
export const NetworkExports: CollectionConfig = {
  slug: SLUGS.networkExports,
  labels: { singular: 'Network export', plural: 'Network exports' },
  admin: {
    group: 'Privacy',
    useAsTitle: 'purpose',
    defaultColumns: [
      'purpose',
      'status',
      'progress',
      'requestedBy',
      'createdAt',
      'expiresAt',
      'download',
    ],
    description:
      'Pseudonymised, k-anonymised network data for evaluators. Only members who opted in to network analysis are included.',
  },
  access: { read: isStaff, create: isStaff, update: nobody, delete: isAdmin },
  defaultSort: '-createdAt',
  hooks: {
    beforeChange: [setRequesterAndKey],
    afterChange: [queueBuild],
    afterDelete: [deleteFile],
  },
  fields: [
    {
      name: 'purpose',
      type: 'textarea',
      required: true,
      minLength: PURPOSE_LENGTH.min,
      maxLength: PURPOSE_LENGTH.max,
      admin: { description: 'What the export is for, and for whom. Kept with the export.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'from',
          type: 'text',
          validate: monthOrEmpty,
          admin: { description: 'Optional first month of monthly.csv (YYYY-MM).' },
        },
        {
          name: 'to',
          type: 'text',
          validate: monthOrEmpty,
          admin: {
            description: 'Optional: the network as it stood at the end of this month (YYYY-MM).',
          },
        },
      ],
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: SLUGS.users,
      index: true,
      access: serverOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      access: serverOnly,
      options: EXPORT_STATUSES.map((value) => ({ label: value, value })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'progress',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 0,
      access: serverOnly,
      admin: {
        readOnly: true,
        components: {
          Cell: `${COMPONENTS}/ProgressCell#ProgressCell`,
          Field: `${COMPONENTS}/ProgressField#ProgressField`,
        },
      },
    },
    {
      name: 'download',
      type: 'ui',
      admin: { components: { Cell: `${COMPONENTS}/DownloadCell#DownloadCell` } },
    },
    {
      name: 'counts',
      type: 'group',
      access: serverOnly,
      admin: { readOnly: true },
      fields: [
        { name: 'members', type: 'number' },
        { name: 'connections', type: 'number' },
        { name: 'suppressed', type: 'number' },
      ],
    },
    {
      name: 'readyAt',
      type: 'date',
      access: serverOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'expiresAt',
      type: 'date',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'sha256', type: 'text', access: serverOnly, admin: { readOnly: true } },
    { name: 'error', type: 'text', access: serverOnly, admin: { readOnly: true } },
    {
      name: 'pseudonymKey',
      type: 'text',
      // Admins alone read it (to hand it over on purpose); never in the list, never sent by a client.
      access: { read: isAdminField, ...serverOnly },
      admin: {
        readOnly: true,
        disableListColumn: true,
        disableListFilter: true,
        description:
          'The key that links pseudonyms to member ids. Hand it over only on purpose: whoever holds it can re-identify this export.',
      },
    },
  ],
  timestamps: true,
}
