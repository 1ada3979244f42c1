import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

import { inSavepoint } from '@/db/inSavepoint'

import { PUBLICATION_STATUS } from '../constants'
import { isSeeding, previousDocument } from '../context'
import { readPublicStatus, statusOf } from '../publicStatus'
import { queueWebhookEvent } from '../queue'
import { webhookEventFor } from '../rules/events'

/**
 * After a save of a content document: queues the webhooks of its publication, unpublication or
 * update. A failure is logged and never fails the editor's save.
 */
export const announceChange =
  (collection: CollectionSlug, hasDrafts: boolean): CollectionAfterChangeHook =>
  async ({ doc, operation, req, context }) => {
    if (isSeeding(context)) return doc
    try {
      // In a savepoint: a failed statement here must not abort (and silently roll back) the save.
      await inSavepoint(req, async () => {
        const after = statusOf(doc, hasDrafts)
        const previous =
          operation === 'create' || !hasDrafts
            ? undefined
            : previousDocument(context, collection, doc.id)
        const before =
          operation === 'create'
            ? undefined
            : hasDrafts
              ? previous?.status
              : PUBLICATION_STATUS.published
        // A draft (or autosave) over a published document leaves the collection's row published:
        // only the versions changed, and the public sees nothing new.
        const publicWrite =
          !hasDrafts ||
          after === PUBLICATION_STATUS.published ||
          before !== PUBLICATION_STATUS.published ||
          (await readPublicStatus(req, collection, doc.id)) === after
        const event = webhookEventFor({ before, after, publicWrite })
        if (event) await queueWebhookEvent({ req, collection, event, doc, status: after, previous })
      })
    } catch (err) {
      req.payload.logger.error({
        err,
        msg: `webhooks: event of ${collection} ${String(doc.id)} not queued`,
      })
    }
    return doc
  }
