import type { Payload } from 'payload'

import { SUBSCRIBERS_SLUG } from '../constants'
import type { Recipient } from './mailingPlans'
import { hashToken, manageTokenFor, newManageCredentials } from './tokens'

/**
 * The token a recipient's links carry; subscribers saved before manage keys existed get one now.
 * A stored hash made under an earlier key (before tokens had their own derived key) is replaced:
 * links in older emails then stop working, and this email carries one that works.
 */
export const manageTokenOf = async (payload: Payload, recipient: Recipient): Promise<string> => {
  if (recipient.manageKey) {
    const manageToken = manageTokenFor(payload.secret, recipient.manageKey)
    const manageTokenHash = hashToken(manageToken)
    if (recipient.manageTokenHash !== manageTokenHash) {
      await payload.update({
        collection: SUBSCRIBERS_SLUG,
        id: recipient.id,
        data: { manageTokenHash },
        overrideAccess: true,
      })
    }
    return manageToken
  }
  const { manageKey, manageToken, manageTokenHash } = newManageCredentials(payload.secret)
  await payload.update({
    collection: SUBSCRIBERS_SLUG,
    id: recipient.id,
    data: { manageKey, manageTokenHash },
    overrideAccess: true,
  })
  return manageToken
}
