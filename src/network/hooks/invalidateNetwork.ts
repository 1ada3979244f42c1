import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterCommit } from '@/db/afterCommit'

import { invalidateNetwork } from '../cache'

/**
 * Members and connections feed the network figures: any change makes the cached ones stale. Again
 * after the commit: a figure read between the write and its commit saw the old rows (a member who
 * just withdrew from network analysis would otherwise stay counted).
 */
export const invalidateNetworkAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await invalidateNetwork()
  await afterCommit(req, invalidateNetwork)
  return doc
}

export const invalidateNetworkAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await invalidateNetwork()
  await afterCommit(req, invalidateNetwork)
  return doc
}
