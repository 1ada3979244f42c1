import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'

import { SLUGS } from '../slugs'

/**
 * The webhook delivery log: one row per attempt, written by the server only (the jobs task and the
 * test endpoint), read by admins, kept WEBHOOKS_LOG_RETENTION_DAYS days (the webhooks maintenance task deletes older rows).
 * Nothing here is secret: no signature, no payload, the receiver's answer cut to 500 characters.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: SLUGS.webhookDeliveries,
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: {
    group: 'Developers',
    useAsTitle: 'messageId',
    defaultColumns: ['webhook', 'eventType', 'attempt', 'delivered', 'statusCode', 'createdAt'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  // The webhook's edit view lists its latest deliveries (the purge uses the createdAt index).
  indexes: [{ fields: ['webhook', 'createdAt'] }],
  fields: [
    // Not required: the row must stay valid while the webhook's delete removes its log.
    { name: 'webhook', type: 'relationship', relationTo: SLUGS.webhooks },
    { name: 'eventType', type: 'text', required: true },
    { name: 'messageId', type: 'text', required: true, index: true },
    { name: 'attempt', type: 'number', required: true, min: 1 },
    { name: 'delivered', type: 'checkbox', required: true, defaultValue: false },
    { name: 'statusCode', type: 'number' },
    { name: 'error', type: 'text' },
    { name: 'durationMs', type: 'number' },
    { name: 'responseBody', type: 'textarea', admin: { description: 'The first 500 characters.' } },
  ],
  timestamps: true,
}
