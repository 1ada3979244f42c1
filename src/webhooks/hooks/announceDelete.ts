import type { CollectionAfterDeleteHook, CollectionSlug } from 'payload'

import { inSavepoint } from '@/db/inSavepoint'

import { PUBLICATION_STATUS } from '../constants'
import { isSeeding } from '../context'
import { statusOf } from '../publicStatus'
import { queueWebhookEvent } from '../queue'
import { webhookEventFor } from '../rules/events'

/** After a delete: a document the public saw is announced as deleted (never-published ones are not). */
export const announceDelete =
  (collection: CollectionSlug, hasDrafts: boolean): CollectionAfterDeleteHook =>
  async ({ doc, req, context }) => {
    if (isSeeding(context)) return doc
    try {
      const event = webhookEventFor({
        before: statusOf(doc, hasDrafts),
        after: PUBLICATION_STATUS.deleted,
        publicWrite: true,
      })
      // In a savepoint: a failed statement here must not abort (and silently roll back) the delete.
      if (event)
        await inSavepoint(req, () =>
          queueWebhookEvent({ req, collection, event, doc, status: PUBLICATION_STATUS.deleted }),
        )
    } catch (err) {
      req.payload.logger.error({
        err,
        msg: `webhooks: deletion of ${collection} ${String(doc.id)} not queued`,
      })
    }
    return doc
  }
