import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'
import { staffOrOwnMemberRecords } from '@/access/staffOrOwnMemberRecords'
import { CONSENT_SOURCES } from '@/privacy/consent/consentChanges'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'

import { SLUGS } from '../slugs'

/**
 * What each member agreed to, purpose by purpose, and when: one row per change of a choice (and one
 * per purpose when the member is created), written by the members' own save in the same
 * transaction. Never written over the API, so the history cannot be rewritten. Kept as long as the
 * member (the erasure of a member removes theirs).
 */
export const ConsentRecords: CollectionConfig = {
  slug: SLUGS.consentRecords,
  labels: { singular: 'Consent record', plural: 'Consent records' },
  admin: {
    group: 'Privacy',
    defaultColumns: ['member', 'purpose', 'granted', 'wordingVersion', 'source', 'recordedAt'],
  },
  access: {
    read: staffOrOwnMemberRecords('member'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-recordedAt',
  indexes: [{ fields: ['member', 'purpose', 'recordedAt'] }],
  fields: [
    // Not required: the row stays valid while a member's deletion removes their records.
    { name: 'member', type: 'relationship', relationTo: SLUGS.members, index: true },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      options: Object.keys(CONSENT_PURPOSES),
    },
    { name: 'granted', type: 'checkbox', required: true, defaultValue: false },
    {
      name: 'wordingVersion',
      type: 'text',
      required: true,
      admin: { description: 'The version of the wording the member saw (see consent purposes).' },
    },
    { name: 'recordedAt', type: 'date', required: true, index: true },
    { name: 'source', type: 'select', required: true, options: [...CONSENT_SOURCES] },
  ],
  timestamps: true,
}
