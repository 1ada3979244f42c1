import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidateNetwork } from '../cache'

/** Members and connections feed the network figures: any change makes the cached ones stale. */
export const invalidateNetworkAfterChange: CollectionAfterChangeHook = async ({ doc }) => {
  await invalidateNetwork()
  return doc
}

export const invalidateNetworkAfterDelete: CollectionAfterDeleteHook = async ({ doc }) => {
  await invalidateNetwork()
  return doc
}
