import type { CollectionAfterChangeHook } from 'payload'

import { getSubscriptionContext } from '../context'
import { becomesPublished } from '../rules/firstPublication'
import type { SanitizedOptions } from '../types'
import { announcePublication } from '../utilities/mailings'

/**
 * Queues the announcement of a document's first publication. Only a record and a job are written
 * here, in the editor's transaction; the emails go out from the jobs queue. A failure is logged and
 * never fails the editor's save.
 */
export const announceFirstPublication =
  (options: SanitizedOptions, collection: string, hasDrafts: boolean): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    const { seeding, skipAnnouncement } = getSubscriptionContext(context)
    if (seeding || skipAnnouncement) return doc
    const change = {
      operation,
      hasDrafts,
      status: doc._status,
      previousStatus: previousDoc?._status,
    }
    if (!becomesPublished(change)) return doc
    try {
      await announcePublication(req.payload, options, collection, doc, req)
    } catch (err) {
      req.payload.logger.error({
        err,
        msg: `email-subscriptions: announcement of ${collection} ${String(doc.id)} not queued`,
      })
    }
    return doc
  }
