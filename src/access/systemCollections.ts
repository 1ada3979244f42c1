import {
  type Endpoint,
  Forbidden,
  NotFound,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  type SanitizedGlobalConfig,
  type Where,
} from 'payload'

import { isStaffUser } from './checkRole'
import { or } from './combine'
import { isAdmin } from './isAdmin'
import { isStaff } from './isStaff'
import { lockInOwnName } from './lockInOwnName'
import { nobody } from './nobody'
import { ownLock } from './ownLock'
import { ownPreferences } from './ownPreferences'

type CollectionAccess = Partial<SanitizedCollectionConfig['access']>
type GlobalAccess = Partial<SanitizedGlobalConfig['access']>

/**
 * Access to Payload's own collections. Payload adds them while it sanitises the config (after the
 * plugins have run) with "any logged-in user" defaults, and members are logged-in users too, so
 * the rules are applied to the sanitised config (`restrictSystemCollections`).
 */
export const SYSTEM_COLLECTION_ACCESS: Record<string, CollectionAccess> = {
  // Who is editing what, for the admin panel. Staff see every lock (to be told a page is taken),
  // write locks only in their own name and delete their own (admins any, to clear a stale one).
  'payload-locked-documents': {
    read: isStaff,
    create: lockInOwnName,
    update: lockInOwnName,
    delete: or(isAdmin, ownLock),
  },
  // Admin-panel UI state (columns, collapsed groups): each staff user their own.
  'payload-preferences': {
    read: ownPreferences,
    create: isStaff,
    update: ownPreferences,
    delete: ownPreferences,
  },
  // The queue holds task input (emails, ids): admins may look, only the server writes.
  'payload-jobs': { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // Which migrations ran: admins may look, only `payload migrate` writes.
  'payload-migrations': { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // Payload's key-value store (server-side cache): never through the API.
  'payload-kv': { read: nobody, create: nobody, update: nobody, delete: nobody },
}

export const SYSTEM_GLOBAL_ACCESS: Record<string, GlobalAccess> = {
  // When each scheduled task last ran; the scheduler writes it through the adapter. Writable by any
  // logged-in user by default, which would let a member stall scheduled work.
  'payload-jobs-stats': { read: isAdmin, update: nobody },
}

/**
 * Payload's `/api/payload-preferences/:key` endpoints skip collection access: staff only. Deleting
 * a key that does not exist is a 404 (Payload's adapter call answers 500).
 */
const staffOnlyEndpoint = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    const user = req.user
    if (!isStaffUser(user) || !user) throw new Forbidden(req.t)
    if (endpoint.method === 'delete') {
      const key = String(req.routeParams?.key ?? '')
      const where: Where = {
        and: [
          { key: { equals: key } },
          { 'user.relationTo': { equals: user.collection } },
          { 'user.value': { equals: user.id } },
        ],
      }
      if (!(await req.payload.db.findOne({ collection: 'payload-preferences', where, req })))
        throw new NotFound(req.t)
    }
    return endpoint.handler(req)
  },
})

/**
 * Applies the rules above to the sanitised config. Fails loudly when a rule names a collection
 * Payload no longer adds, so an upgrade cannot silently drop a rule.
 */
export const restrictSystemCollections = (config: SanitizedConfig): SanitizedConfig => {
  for (const [slug, access] of Object.entries(SYSTEM_COLLECTION_ACCESS)) {
    const collection = config.collections.find((candidate) => candidate.slug === slug)
    if (!collection)
      throw new Error(`restrictSystemCollections: Payload has no "${slug}" collection`)
    collection.access = { ...collection.access, ...access }
    if (slug === 'payload-preferences' && Array.isArray(collection.endpoints)) {
      collection.endpoints = collection.endpoints.map((endpoint) =>
        endpoint.path === '/:key' ? staffOnlyEndpoint(endpoint) : endpoint,
      )
    }
  }
  for (const [slug, access] of Object.entries(SYSTEM_GLOBAL_ACCESS)) {
    const global = config.globals.find((candidate) => candidate.slug === slug)
    if (!global) throw new Error(`restrictSystemCollections: Payload has no "${slug}" global`)
    global.access = { ...global.access, ...access }
  }
  return config
}
