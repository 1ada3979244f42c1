import {
  PUBLICATION_STATUS,
  type PublicationStatus,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../constants'

/**
 * A write to a content document as the public sees it: the document's public status before and
 * after (`undefined` when it did not exist, `deleted` after a delete). A draft saved over a
 * published document leaves the public document as it was (published → published is only an
 * update when the public document was written), which the caller tells with `publicWrite`.
 */
export type PublicChange = {
  before: PublicationStatus | undefined
  after: PublicationStatus
  /** Whether the save wrote the public document (false for a draft or autosave version). */
  publicWrite: boolean
}

/**
 * The event a change fires, or undefined: created or draft → published is `publish`, published →
 * draft `unpublish`, published saved again `update`, published deleted `delete`. Drafts, autosaves
 * and deletes of never-published documents fire nothing.
 */
export const webhookEventFor = ({
  before,
  after,
  publicWrite,
}: PublicChange): WebhookEvent | undefined => {
  if (!publicWrite) return undefined
  const wasPublished = before === PUBLICATION_STATUS.published
  if (after === PUBLICATION_STATUS.deleted) return wasPublished ? 'delete' : undefined
  if (after === PUBLICATION_STATUS.published) return wasPublished ? 'update' : 'publish'
  return wasPublished ? 'unpublish' : undefined
}

/** `<collection>.<published|unpublished|updated|deleted>` */
export const eventType = (collection: string, event: WebhookEvent): string =>
  `${collection}.${WEBHOOK_EVENTS[event]}`

/** The parts of a webhook the matching reads. */
export type WebhookSubscription = {
  active?: boolean | null
  events?: readonly string[] | null
  collections?: readonly string[] | null
}

/** Whether an active webhook wants this event of this collection (no collections chosen = all). */
export const webhookWants = (
  webhook: WebhookSubscription,
  collection: string,
  event: WebhookEvent,
): boolean =>
  Boolean(webhook.active) &&
  (webhook.events ?? []).includes(event) &&
  (!webhook.collections?.length || webhook.collections.includes(collection))
