/**
 * The README's webhook receiver ("Webhooks"), type-checked with the rest of the repository and run
 * against messages the CMS signs (test/webhooks/verifyExample.spec.ts).
 */
import { Webhook } from 'standardwebhooks'

/** What every CMS webhook carries (`data` of a `webhook.test` is `{ message }`). */
export type CMSWebhookEvent = {
  type: string
  timestamp: string
  data: {
    collection: string
    id: number
    slug: string | null
    title: string | null
    url: string
    status: 'published' | 'draft' | 'deleted'
    publishedAt: string | null
    updatedAt: string | null
  }
}

/**
 * A route handler (Next.js, Remix, Hono… any Fetch API `Request`): verifies the signature on the
 * raw body, then e.g. revalidates the page the event names. Drop repeated `webhook-id`s: a message
 * may be retried after your 2xx was lost.
 */
export const handleCMSWebhook = async (
  request: Request,
  secret: string, // whsec_…, from the webhook's page in the admin
  onEvent: (event: CMSWebhookEvent, messageId: string) => Promise<void> | void,
): Promise<Response> => {
  const body = await request.text() // the raw bytes: parsing first breaks the signature
  let event: CMSWebhookEvent
  try {
    // Throws on a bad signature or a timestamp more than 5 minutes away.
    event = new Webhook(secret).verify(body, Object.fromEntries(request.headers)) as CMSWebhookEvent
  } catch {
    return new Response('bad signature', { status: 401 })
  }
  await onEvent(event, request.headers.get('webhook-id') ?? '')
  return new Response(null, { status: 204 })
}
