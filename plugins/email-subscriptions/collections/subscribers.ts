import { withOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { CollectionConfig } from 'payload'

import {
  ADMIN_COMPONENTS,
  CONSENT_WORDING_VERSION,
  FREQUENCIES,
  SUBSCRIBER_STATUS,
  SUBSCRIBERS_SLUG,
} from '../constants'
import type { SanitizedOptions } from '../types'
import { adminsOnly } from '../utilities/access'

/** Subscribers: personal data, readable by admins only; written only through the endpoints (index.ts adds them). */
export const buildSubscribers = (options: SanitizedOptions): CollectionConfig =>
  withOverrides(
    {
      slug: SUBSCRIBERS_SLUG,
      admin: {
        group: 'Community',
        useAsTitle: 'email',
        defaultColumns: ['email', 'status', 'frequency', 'topics', 'confirmedAt'],
        components: { beforeList: [`${ADMIN_COMPONENTS}#SubscribersOverview`] },
      },
      access: {
        read: adminsOnly(options),
        create: () => false,
        update: adminsOnly(options),
        delete: adminsOnly(options),
      },
      fields: [
        { name: 'email', type: 'email', required: true, unique: true, index: true },
        { name: 'member', type: 'relationship', relationTo: options.memberCollection },
        {
          name: 'topics',
          type: 'select',
          hasMany: true,
          options: options.topics.map((topic) => ({
            label: options.topicLabels[topic] ?? topic,
            value: topic,
          })),
        },
        {
          name: 'frequency',
          type: 'select',
          required: true,
          defaultValue: 'instant',
          options: FREQUENCIES.map((value) => ({ label: value, value })),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: SUBSCRIBER_STATUS.pending,
          index: true,
          options: Object.values(SUBSCRIBER_STATUS).map((value) => ({ label: value, value })),
        },
        {
          name: 'consent',
          type: 'group',
          admin: { readOnly: true },
          fields: [
            { name: 'at', type: 'date' },
            { name: 'source', type: 'text' },
            { name: 'ipHash', type: 'text' },
            { name: 'wordingVersion', type: 'text', defaultValue: CONSENT_WORDING_VERSION },
          ],
        },
        // Token material: hidden from every API (even admins'), read by the plugin with showHiddenFields.
        { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
        { name: 'confirmTokenExpiresAt', type: 'date', hidden: true },
        { name: 'confirmationSentAt', type: 'date', hidden: true },
        { name: 'manageTokenHash', type: 'text', index: true, hidden: true },
        // With the server secret this yields the token emails carry (see tokens.ts); useless on its own.
        { name: 'manageKey', type: 'text', hidden: true },
        { name: 'confirmedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
        { name: 'unsubscribedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
        {
          name: 'bounceCount',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true, position: 'sidebar' },
        },
        {
          name: 'personalData',
          type: 'ui',
          admin: {
            position: 'sidebar',
            components: { Field: `${ADMIN_COMPONENTS}#SubscriberDataActions` },
          },
        },
      ],
    },
    options.subscribersOverrides,
  )
