import type { CollectionBeforeDeleteHook } from 'payload'

import { DECISIONS_SLUG } from '../constants'

/**
 * A comment's decision-log rows go with it, in the same transaction: `comment` is required in the
 * log, so deleting a moderated comment would otherwise fail on the database's NOT NULL constraint.
 */
export const deleteDecisionLog: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: DECISIONS_SLUG,
    where: { comment: { equals: id } },
    overrideAccess: true,
    req,
  })
}
