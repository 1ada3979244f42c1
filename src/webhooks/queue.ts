import { randomUUID } from 'node:crypto'

import { SLUGS } from '@collections/slugs'
import type { PayloadRequest } from 'payload'

import {
  type PublicationStatus,
  TASK_DELIVER_WEBHOOK,
  type WebhookEvent,
  WEBHOOKS_QUEUE,
} from './constants'
import type { PublicDocument } from './publicStatus'
import { eventType, webhookWants } from './rules/events'
import { buildWebhookPayload } from './rules/payload'

/**
 * Queues one delivery job per active webhook that wants this event: its own message id (kept by
 * every retry, so receivers can drop duplicates) and the payload as it is now, so a retry hours
 * later still tells what happened then. Written in the caller's transaction: a save that rolls
 * back queues nothing.
 */
export const queueWebhookEvent = async ({
  req,
  collection,
  event,
  doc,
  status,
  previous,
}: {
  req: PayloadRequest
  collection: string
  event: WebhookEvent
  doc: { id: number | string } & Record<string, unknown>
  status: PublicationStatus
  /** What the public saw before the save, when known (see `buildWebhookPayload`). */
  previous?: PublicDocument
}): Promise<number> => {
  const { docs: webhooks } = await req.payload.find({
    collection: SLUGS.webhooks,
    where: { active: { equals: true } },
    select: { active: true, events: true, collections: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const wanted = webhooks.filter((webhook) => webhookWants(webhook, collection, event))
  if (!wanted.length) return 0
  const type = eventType(collection, event)
  const body = JSON.stringify(
    buildWebhookPayload({ type, collection, doc, status, now: new Date(), previous }),
  )
  for (const webhook of wanted) {
    await req.payload.jobs.queue({
      task: TASK_DELIVER_WEBHOOK,
      queue: WEBHOOKS_QUEUE,
      input: {
        webhook: String(webhook.id),
        messageId: `msg_${randomUUID()}`,
        eventType: type,
        body,
      },
      req,
    })
  }
  return wanted.length
}
