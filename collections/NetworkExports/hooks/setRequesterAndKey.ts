import type { CollectionBeforeChangeHook } from 'payload'

import { newPseudonymKey } from '@/privacy/exports/pseudonyms'

/**
 * On create: the export is requested by whoever is logged in, starts queued, and gets its own
 * random pseudonym key (never sent by a client: the fields are server-only).
 */
export const setRequesterAndKey: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return {
    ...data,
    requestedBy: req.user?.collection === 'users' ? req.user.id : data.requestedBy,
    status: 'queued',
    progress: 0,
    pseudonymKey: newPseudonymKey(),
  }
}
