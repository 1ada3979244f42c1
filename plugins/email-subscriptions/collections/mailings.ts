import { withOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { CollectionConfig } from 'payload'

import { MAILING_KIND, MAILING_STATUS, MAILINGS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'
import { adminsOnly } from '../utilities/access'

/**
 * One row per announcement (a document's first publication) or digest. The unique `key` is what
 * makes a publication announced once, whatever saves, retries or workers follow.
 */
export const buildMailings = (options: SanitizedOptions): CollectionConfig =>
  withOverrides(
    {
      slug: MAILINGS_SLUG,
      labels: { singular: 'Mailing', plural: 'Mailings' },
      admin: {
        group: 'Community',
        useAsTitle: 'key',
        defaultColumns: ['key', 'kind', 'status', 'sent', 'failed', 'createdAt'],
      },
      // A record of what was announced: deleting one would let the same publication be announced again.
      access: {
        read: adminsOnly(options),
        create: () => false,
        update: () => false,
        delete: () => false,
      },
      defaultSort: '-createdAt',
      fields: [
        { name: 'key', type: 'text', required: true, unique: true, index: true },
        {
          name: 'kind',
          type: 'select',
          required: true,
          index: true,
          options: Object.values(MAILING_KIND),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          index: true,
          defaultValue: MAILING_STATUS.queued,
          options: Object.values(MAILING_STATUS),
        },
        { name: 'topic', type: 'text', index: true },
        { name: 'documentId', type: 'text' },
        { name: 'title', type: 'text' },
        { name: 'excerpt', type: 'textarea' },
        { name: 'url', type: 'text' },
        { name: 'firstPublishedAt', type: 'date', index: true },
        { name: 'periodStart', type: 'date' },
        { name: 'periodEnd', type: 'date', index: true },
        {
          name: 'leaseUntil',
          type: 'date',
          index: true,
          admin: {
            description: 'A worker owns the mailing until then; after it, the mailing is resumed.',
          },
        },
        { name: 'attempts', type: 'number', defaultValue: 0 },
        { name: 'sent', type: 'number', defaultValue: 0 },
        { name: 'failed', type: 'number', defaultValue: 0 },
        { name: 'lastError', type: 'text' },
        { name: 'completedAt', type: 'date' },
      ],
    },
    options.mailingsOverrides,
  )
