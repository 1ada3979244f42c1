import { frontendDocumentURL } from '@/frontends/documentURL'

import type { PublicationStatus } from '../constants'

/** What a receiver gets about the document: public facts only, picked one by one. */
export type WebhookDocumentData = {
  collection: string
  id: number | string
  slug: string | null
  title: string | null
  url: string
  status: PublicationStatus
  publishedAt: string | null
  updatedAt: string | null
}

/** The JSON body of every delivery (Standard Webhooks' recommended `type`/`timestamp`/`data`). */
export type WebhookPayload = {
  type: string
  timestamp: string
  data: WebhookDocumentData | { message: string }
}

const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value ? value : null

/**
 * The payload for an event on a document. Built from a whitelist, never by removing fields from the
 * document: a field added to a collection later (an email, an online link for members, an author)
 * cannot reach a receiver unless it is added here.
 */
export const buildWebhookPayload = ({
  type,
  collection,
  doc,
  status,
  now,
}: {
  type: string
  collection: string
  doc: { id: number | string } & Record<string, unknown>
  status: PublicationStatus
  now: Date
}): WebhookPayload => ({
  type,
  timestamp: now.toISOString(),
  data: {
    collection,
    id: doc.id,
    slug: stringOrNull(doc.slug),
    title: stringOrNull(doc.title),
    url: frontendDocumentURL(collection, { id: doc.id, slug: doc.slug }),
    status,
    // Evaluation reports carry their own publication date.
    publishedAt: stringOrNull(doc.publishedAt) ?? stringOrNull(doc.publishedDate),
    updatedAt: stringOrNull(doc.updatedAt),
  },
})

/** The `webhook.test` payload the admin's "Send test event" sends. */
export const buildTestPayload = (type: string, now: Date): WebhookPayload => ({
  type,
  timestamp: now.toISOString(),
  data: { message: 'A test event from the Q Community CMS.' },
})
