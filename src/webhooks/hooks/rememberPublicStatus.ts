import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { inSavepoint } from '@/db/inSavepoint'

import { rememberPreviousStatus } from '../context'
import { readPublicStatus } from '../publicStatus'

/**
 * Before an update of a collection with drafts: remembers what the public saw, so that the
 * afterChange hook can tell a publication from an update (the document Payload hands hooks is the
 * latest version, which may be a draft over a published document).
 */
export const rememberPublicStatus =
  (collection: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req, context }) => {
    if (operation !== 'update' || !originalDoc?.id) return data
    try {
      rememberPreviousStatus(
        context,
        collection,
        originalDoc.id,
        await inSavepoint(req, () => readPublicStatus(req, collection, originalDoc.id)),
      )
    } catch (err) {
      req.payload.logger.error({ err, msg: `webhooks: status of ${collection} not read` })
    }
    return data
  }
