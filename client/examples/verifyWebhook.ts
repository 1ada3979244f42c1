/**
 * The README's webhook receiver ("Webhooks"), type-checked with the rest of the repository and run
 * against messages the CMS signs (test/webhooks/verifyExample.spec.ts).
 */
import { Webhook } from 'standardwebhooks'

/** A publication, unpublication, update or deletion of a document (`blogs.published`, …). */
export type CMSDocumentEvent = {
  type: `${string}.${'published' | 'unpublished' | 'updated' | 'deleted'}`
  timestamp: string
  data: {
    collection: string
    id: number | string
    slug: string | null
    title: string | null
    url: string
    status: 'published' | 'draft' | 'deleted'
    publishedAt: string | null
    updatedAt: string | null
    /** Set when a publication moved the document to a new slug: purge this page too. */
    previousUrl?: string
  }
}

/** What the admin's "Send test event" sends. */
export type CMSTestEvent = { type: 'webhook.test'; timestamp: string; data: { message: string } }

export type CMSWebhookEvent = CMSDocumentEvent | CMSTestEvent

const isTestEvent = (event: CMSWebhookEvent): event is CMSTestEvent => event.type === 'webhook.test'

/**
 * The message ids already handled, the oldest forgotten past `max`: a message may be retried after
 * your 2xx was lost. In memory, so per process; a real deployment with several instances keeps
 * them in a shared store (Redis, a table) for longer than the CMS retries.
 */
export const recentMessageIds = (max = 10_000) => {
  const ids = new Set<string>()
  return {
    has: (id: string) => ids.has(id),
    add: (id: string) => {
      ids.add(id)
      // A Set iterates in insertion order: the first is the oldest.
      if (ids.size > max) ids.delete(ids.values().next().value as string)
    },
  }
}

const handled = recentMessageIds()

/**
 * A route handler (Next.js, Remix, Hono… any Fetch API `Request`): verifies the signature on the
 * raw body, acknowledges `webhook.test`, drops repeated `webhook-id`s, then hands each document
 * event over once (e.g. to revalidate `data.url` and `data.previousUrl`). An error in `onEvent`
 * propagates (your framework answers 500), so the CMS sends the message again later.
 */
export const handleCMSWebhook = async (
  request: Request,
  secret: string, // whsec_…, from the webhook's page in the admin
  onEvent: (event: CMSDocumentEvent, messageId: string) => Promise<void> | void,
  seen: ReturnType<typeof recentMessageIds> = handled,
): Promise<Response> => {
  const body = await request.text() // the raw bytes: parsing first breaks the signature
  let event: CMSWebhookEvent
  try {
    // Throws on a bad signature or a timestamp more than 5 minutes away.
    event = new Webhook(secret).verify(body, Object.fromEntries(request.headers)) as CMSWebhookEvent
  } catch {
    return new Response('bad signature', { status: 401 })
  }
  const messageId = request.headers.get('webhook-id') ?? ''
  if (isTestEvent(event) || seen.has(messageId)) return new Response(null, { status: 204 })
  await onEvent(event, messageId)
  // Remembered only once handled: a failure is retried by the CMS with the same id.
  seen.add(messageId)
  return new Response(null, { status: 204 })
}
