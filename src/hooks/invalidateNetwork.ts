import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidateNetwork } from '../network/cache'

/** Members and connections feed the network figures: any change makes the cached ones stale. */
export const invalidateNetworkAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  invalidateNetwork()
  return doc
}

export const invalidateNetworkAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  invalidateNetwork()
  return doc
}
