import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { inSavepoint } from '@/db/inSavepoint'

import { rememberPreviousDocument } from '../context'
import { readPublicDocument } from '../publicStatus'

/**
 * Before an update of a collection with drafts: remembers what the public saw (status, slug,
 * title, dates), so that the afterChange hook can tell a publication from an update and announce an
 * unpublication or a moved slug by the page the public knew: the document Payload hands hooks starts
 * from the latest version, which may be a draft (an embargoed title, a new slug) over the published one.
 */
export const rememberPublicStatus =
  (collection: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req, context }) => {
    if (operation !== 'update' || !originalDoc?.id) return data
    try {
      rememberPreviousDocument(
        context,
        collection,
        originalDoc.id,
        await inSavepoint(req, () => readPublicDocument(req, collection, originalDoc.id)),
      )
    } catch (err) {
      req.payload.logger.error({ err, msg: `webhooks: status of ${collection} not read` })
    }
    return data
  }
