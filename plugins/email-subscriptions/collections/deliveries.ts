import { withOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { CollectionConfig } from 'payload'

import { DELIVERIES_SLUG, DELIVERY_STATUS } from '../constants'
import type { SanitizedOptions } from '../types'
import { adminsOnly } from '../utilities/access'

/**
 * One row per (mailing, subscriber). A worker claims a row (unique `key`) before sending and marks
 * it sent as the SMTP server accepts the message, so a retry, a crash or a second worker never
 * sends twice.
 */
export const buildDeliveries = (options: SanitizedOptions): CollectionConfig =>
  withOverrides(
    {
      slug: DELIVERIES_SLUG,
      labels: { singular: 'Delivery', plural: 'Deliveries' },
      admin: { group: 'Community', hidden: true },
      access: {
        read: adminsOnly(options),
        create: () => false,
        update: () => false,
        delete: () => false,
      },
      fields: [
        { name: 'key', type: 'text', required: true, unique: true, index: true },
        { name: 'mailing', type: 'text', required: true, index: true },
        { name: 'subscriberId', type: 'text', required: true, index: true },
        {
          name: 'status',
          type: 'select',
          required: true,
          index: true,
          options: Object.values(DELIVERY_STATUS),
        },
        { name: 'attempts', type: 'number', defaultValue: 1 },
        { name: 'claimedAt', type: 'date' },
        { name: 'sentAt', type: 'date' },
        { name: 'error', type: 'text' },
      ],
    },
    options.deliveriesOverrides,
  )
