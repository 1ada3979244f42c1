import type { CollectionAfterChangeHook } from 'payload'

import { announcePublication } from '../delivery/mailings'
import { becomesPublished } from '../rules/firstPublication'
import type { ResolvedSubscriptionOptions, TopicDocument } from '../types'

/** Set in a write's `context` to publish without announcing (the seed, imports). */
export const SKIP_ANNOUNCEMENT = 'skipSubscriptionAnnouncement'

/**
 * Queues the announcement of a document's first publication. Only a record and a job are written
 * here, in the editor's transaction; the emails go out from the jobs queue. A failure is logged and
 * never fails the editor's save.
 */
export const announceFirstPublication =
  (options: ResolvedSubscriptionOptions, collection: string, hasDrafts: boolean): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    if (options.disabled || context.seeding || context[SKIP_ANNOUNCEMENT]) return doc
    const change = { operation, hasDrafts, status: doc._status, previousStatus: previousDoc?._status }
    if (!becomesPublished(change)) return doc
    try {
      await announcePublication(req.payload, options, collection, doc as TopicDocument, req)
    } catch (err) {
      req.payload.logger.error({ err, msg: `email-subscriptions: announcement of ${collection} ${String(doc.id)} not queued` })
    }
    return doc
  }
