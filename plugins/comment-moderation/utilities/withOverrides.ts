import type { CollectionConfig } from 'payload'

import type { CollectionOverrides } from '../types'

/**
 * A plugin collection with the host's overrides: what they return replaces the plugin's config key
 * by key (`fields` receives the plugin's as `defaultFields`; `access` and `admin` are merged), while
 * the slug, which the plugin's code and the migrations depend on, stays.
 */
export const withOverrides = (collection: CollectionConfig, overrides: CollectionOverrides | undefined): CollectionConfig => {
  if (!overrides) return collection
  const changes = overrides({ defaultFields: collection.fields })
  return {
    ...collection,
    ...changes,
    slug: collection.slug,
    fields: changes.fields ?? collection.fields,
    access: { ...collection.access, ...changes.access },
    admin: { ...collection.admin, ...changes.admin },
  }
}
