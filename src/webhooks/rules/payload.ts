import { frontendDocumentURL } from '@/frontends/documentURL'

import { PUBLICATION_STATUS, type PublicationStatus } from '../constants'
import type { PublicDocument } from '../publicStatus'

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
  /** Where the document was public before, when this publication moved it to a new slug. */
  previousUrl?: string
}

/** The JSON body of every delivery (Standard Webhooks' recommended `type`/`timestamp`/`data`). */
export type WebhookPayload = {
  type: string
  timestamp: string
  data: WebhookDocumentData | { message: string }
}

const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value ? value : null

type Source = { id: number | string } & Record<string, unknown>

/**
 * The facts a payload names. An unpublication names the page the public saw (`previous`), not
 * `doc`: Payload starts an update from the latest version, so `doc` may carry a draft's title and
 * slug that were never public.
 */
const sourceOf = (doc: Source, status: PublicationStatus, previous?: PublicDocument): Source =>
  status === PUBLICATION_STATUS.draft && previous?.status === PUBLICATION_STATUS.published
    ? {
        id: doc.id,
        slug: previous.slug,
        title: previous.title,
        publishedAt: previous.publishedAt,
        publishedDate: previous.publishedDate,
        updatedAt: doc.updatedAt,
      }
    : doc

/** The old frontend URL of a public document whose publication moved it to another URL. */
const previousUrlOf = (
  collection: string,
  doc: Source,
  url: string,
  status: PublicationStatus,
  previous?: PublicDocument,
): string | undefined => {
  if (status !== PUBLICATION_STATUS.published || previous?.status !== PUBLICATION_STATUS.published)
    return undefined
  const before = frontendDocumentURL(collection, { id: doc.id, slug: previous.slug })
  return before === url ? undefined : before
}

/**
 * The payload for an event on a document. Built from a whitelist, never by removing fields from the
 * document: a field added to a collection later (an email, an online link for members, an author)
 * cannot reach a receiver unless it is added here. `previous` is what the public saw before the
 * save (collections with drafts): an unpublication is told by it, and a publication that changed
 * the slug adds `previousUrl` so the frontend purges the old page too.
 */
export const buildWebhookPayload = ({
  type,
  collection,
  doc,
  status,
  now,
  previous,
}: {
  type: string
  collection: string
  doc: Source
  status: PublicationStatus
  now: Date
  previous?: PublicDocument
}): WebhookPayload => {
  const source = sourceOf(doc, status, previous)
  const url = frontendDocumentURL(collection, { id: source.id, slug: source.slug })
  const previousUrl = previousUrlOf(collection, source, url, status, previous)
  return {
    type,
    timestamp: now.toISOString(),
    data: {
      collection,
      id: source.id,
      slug: stringOrNull(source.slug),
      title: stringOrNull(source.title),
      url,
      status,
      // Evaluation reports carry their own publication date.
      publishedAt: stringOrNull(source.publishedAt) ?? stringOrNull(source.publishedDate),
      updatedAt: stringOrNull(source.updatedAt),
      ...(previousUrl ? { previousUrl } : {}),
    },
  }
}

/** The `webhook.test` payload the admin's "Send test event" sends. */
export const buildTestPayload = (type: string, now: Date): WebhookPayload => ({
  type,
  timestamp: now.toISOString(),
  data: { message: 'A test event from the Q Community CMS.' },
})
