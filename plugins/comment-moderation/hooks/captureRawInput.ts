import type { CollectionBeforeOperationHook } from 'payload'

import { setCommentContext } from '../context'

/**
 * Keeps what the client actually sent for `policyAccepted` before Payload coerces checkbox values
 * (the string "true" would otherwise pass as the boolean true).
 */
export const captureRawInput: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create') {
    const data: unknown = 'data' in args ? args.data : undefined
    const sent = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}
    setCommentContext(req, {
      rawInput: {
        policyAccepted: 'policyAccepted' in sent ? sent.policyAccepted : undefined,
        policyVersion: 'policyVersion' in sent ? sent.policyVersion : undefined,
      },
    })
  }
  return args
}
