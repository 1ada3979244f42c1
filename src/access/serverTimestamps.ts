import type { SanitizedConfig } from 'payload'

import { serverOnlyField } from './serverOnlyField'

const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'deletedAt'])

/**
 * Payload keeps a `createdAt` (and on create an `updatedAt`) sent by the client: a guest could
 * backdate a comment past flood control or pin it in lists. The timestamp fields Payload adds while
 * sanitising get server-only field access here (Local API calls with overrideAccess keep theirs).
 */
export const serverOwnedTimestamps = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    for (const field of collection.fields) {
      if (field.type === 'date' && TIMESTAMPS.has(field.name)) {
        field.access = { ...field.access, create: serverOnlyField, update: serverOnlyField }
      }
    }
  }
  return config
}
