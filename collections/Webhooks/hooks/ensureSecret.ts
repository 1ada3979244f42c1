import type { FieldHook } from 'payload'

import { generateWebhookSecret } from '@/webhooks/rules/secret'

/**
 * A webhook always has a secret: generated on the server when none is given on create, and again
 * when an admin empties the field (rotation). A save that does not send the field keeps the old one.
 */
export const ensureSecret: FieldHook = ({ value, operation, originalDoc }) => {
  if (typeof value === 'string' && value) return value
  if (operation === 'update' && value === undefined && typeof originalDoc?.secret === 'string')
    return originalDoc.secret
  return generateWebhookSecret()
}
