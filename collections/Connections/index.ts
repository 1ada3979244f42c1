import type { CollectionConfig } from 'payload'

import { or } from '@/access/combine'
import { isAdmin } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { isMember } from '@/access/isMember'
import { isStaff } from '@/access/isStaff'
import { partyToConnection } from '@/access/partyToConnection'
import { recipientOfConnection } from '@/access/recipientOfConnection'
import { serverOnlyField } from '@/access/serverOnlyField'
import {
  invalidateNetworkAfterChange,
  invalidateNetworkAfterDelete,
} from '@/network/hooks/invalidateNetwork'

import { SLUGS } from '../slugs'
import { validateConnection } from './hooks/validateConnection'

export const CONNECTION_STATUSES = ['pending', 'accepted', 'declined'] as const

/** Stamped by validateConnection (or given by an import with overrideAccess), never by a client. */
const serverOnly = { create: serverOnlyField, update: serverOnlyField }

/** Who is connected to whom: the raw material of the network analysis. Never public. */
export const Connections: CollectionConfig = {
  slug: SLUGS.connections,
  admin: { group: 'Community', defaultColumns: ['from', 'to', 'status', 'source', 'acceptedAt'] },
  access: {
    create: or(isEditor, isMember),
    read: or(isStaff, partyToConnection),
    update: or(isEditor, recipientOfConnection),
    delete: or(isAdmin, partyToConnection),
  },
  hooks: {
    beforeValidate: [validateConnection],
    afterChange: [invalidateNetworkAfterChange],
    afterDelete: [invalidateNetworkAfterDelete],
  },
  fields: [
    { name: 'from', type: 'relationship', relationTo: SLUGS.members, required: true, index: true },
    { name: 'to', type: 'relationship', relationTo: SLUGS.members, required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: CONNECTION_STATUSES.map((value) => ({ label: value, value })),
    },
    {
      name: 'requestedAt',
      type: 'date',
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'acceptedAt',
      type: 'date',
      index: true,
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'request',
      access: serverOnly,
      options: [
        { label: 'Request', value: 'request' },
        { label: 'Import', value: 'import' },
      ],
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
