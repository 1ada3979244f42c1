import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { settings } from '@/config/settings'
import { WEBHOOK_COLLECTIONS, WEBHOOK_EVENTS, type WebhookEvent } from '@/webhooks/constants'
import { sendTestEventEndpoint } from '@/webhooks/endpoints/sendTestEvent'
import { webhookURLProblem } from '@/webhooks/rules/addresses'
import { isValidWebhookSecret } from '@/webhooks/rules/secret'

import { SLUGS } from '../slugs'
import { clearSecretOnDuplicate } from './hooks/clearSecretOnDuplicate'
import { deleteDeliveryLog } from './hooks/deleteDeliveryLog'
import { ensureSecret } from './hooks/ensureSecret'

const EVENT_LABELS: Record<WebhookEvent, string> = {
  publish: 'Published',
  unpublish: 'Unpublished',
  update: 'Published document updated',
  delete: 'Published document deleted',
}

/**
 * Signed webhooks (Standard Webhooks): where to POST which content events. Admins only, the whole
 * collection: a receiver's URL often carries a token of its own (deploy hooks, purge endpoints) and
 * the secret signs messages receivers trust, so editors and members see neither.
 */
export const Webhooks: CollectionConfig = {
  slug: SLUGS.webhooks,
  admin: {
    group: 'Developers',
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'collections', 'active'],
    description:
      'Signed POSTs to a frontend or CDN when content is published, unpublished, updated or deleted.',
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  endpoints: [sendTestEventEndpoint],
  hooks: { beforeDelete: [deleteDeliveryLog] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    {
      name: 'url',
      label: 'URL',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: (value: unknown) =>
        webhookURLProblem(value, settings.webhooks.allowPrivateURLs) ?? true,
      admin: { description: 'An http(s) address; loopback and private networks are refused.' },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: Object.keys(WEBHOOK_EVENTS).map((value) => ({
        value,
        label: EVENT_LABELS[value as WebhookEvent],
      })),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      options: [...WEBHOOK_COLLECTIONS],
      admin: { description: 'None chosen: every collection.' },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    {
      name: 'secret',
      type: 'text',
      access: { read: isAdminField, update: isAdminField, create: isAdminField },
      hooks: { beforeChange: [ensureSecret], beforeDuplicate: [clearSecretOnDuplicate] },
      validate: (value: unknown) =>
        !value ||
        (typeof value === 'string' && isValidWebhookSecret(value)) ||
        'Must be whsec_ followed by the base64 of 24 to 64 random bytes; leave empty to generate one.',
      admin: {
        position: 'sidebar',
        description:
          'Signs every delivery (Standard Webhooks). Generated when left empty; empty it and save to rotate.',
      },
    },
    {
      name: 'sendTestEvent',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/webhooks/admin/SendTestEvent#SendTestEvent' },
      },
    },
    {
      name: 'deliveries',
      type: 'join',
      collection: SLUGS.webhookDeliveries,
      on: 'webhook',
      defaultSort: '-createdAt',
      defaultLimit: 10,
      admin: {
        // The log is the server's: nobody adds rows by hand.
        allowCreate: false,
        defaultColumns: ['eventType', 'attempt', 'delivered', 'statusCode', 'error', 'createdAt'],
      },
    },
  ],
}
