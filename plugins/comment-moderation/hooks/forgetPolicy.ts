import type { GlobalAfterChangeHook } from 'payload'

import { forgetCachedPolicy } from '../utilities/policy'

/** Saving the policy takes effect at once in this process (other processes within the cache's TTL). */
export const forgetPolicy: GlobalAfterChangeHook = ({ doc, req }) => {
  forgetCachedPolicy(req.payload)
  return doc
}
