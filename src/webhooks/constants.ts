import { PUBLIC_PAGE_COLLECTIONS } from '@collections/slugs'

/** The jobs queue webhook deliveries run in (worked by its own `autoRun` entry). */
export const WEBHOOKS_QUEUE = 'webhooks'

/** Task slugs: part of the jobs table's schema. */
export const TASK_DELIVER_WEBHOOK = 'deliverWebhook'
export const TASK_WEBHOOKS_MAINTENANCE = 'webhooksMaintenance'

/** The content collections whose changes webhooks announce. */
export const WEBHOOK_COLLECTIONS = PUBLIC_PAGE_COLLECTIONS
export type WebhookCollection = (typeof WEBHOOK_COLLECTIONS)[number]

/**
 * What a webhook subscribes to (its `events` field) and the suffix of the event type it receives:
 * `publish` → `<collection>.published`.
 */
export const WEBHOOK_EVENTS = {
  publish: 'published',
  unpublish: 'unpublished',
  update: 'updated',
  delete: 'deleted',
} as const
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS

/** The event the admin's "Send test event" sends; every webhook receives it. */
export const TEST_EVENT_TYPE = 'webhook.test'

/** A document's publication status in a payload: what the public sees after the event. */
export const PUBLICATION_STATUS = {
  published: 'published',
  draft: 'draft',
  deleted: 'deleted',
} as const
export type PublicationStatus = (typeof PUBLICATION_STATUS)[keyof typeof PUBLICATION_STATUS]

/** Longest response body kept in the delivery log. */
export const RESPONSE_EXCERPT_MAX = 500
/** Longest error message kept in the delivery log. */
export const ERROR_MESSAGE_MAX = 300

/** The `req.context` key under which a save remembers what the public saw of the document before it. */
export const PREVIOUS_DOCUMENT_CONTEXT_KEY = 'webhooksPreviousDocument'
