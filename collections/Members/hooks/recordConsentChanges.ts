import type { CollectionAfterChangeHook } from 'payload'

import { consentChanges, consentSource } from '@/privacy/consent/consentChanges'

import { SLUGS } from '../../slugs'

/**
 * One consent record per purpose whose choice changed (per purpose on create), in the member
 * save's own transaction (`req`): the choice and its record are written together or not at all.
 */
export const recordConsentChanges: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const changes = consentChanges(doc, operation === 'create' ? null : previousDoc)
  if (changes.length === 0) return doc
  const source = consentSource(req.context, req.user, SLUGS.members, operation)
  const recordedAt = new Date().toISOString()
  for (const change of changes)
    await req.payload.create({
      collection: SLUGS.consentRecords,
      data: { member: doc.id, ...change, recordedAt, source },
      overrideAccess: true,
      req,
    })
  return doc
}
