import type { CollectionConfig } from 'payload'

import type { CollectionOverrides } from '../types'

/** A plugin collection with the host's `overrides` applied; the slug stays the plugin's. */
export const withOverrides = (collection: CollectionConfig, overrides: CollectionOverrides | undefined): CollectionConfig => {
  if (!overrides) return collection
  const changes = overrides({ defaultFields: collection.fields })
  return { ...collection, ...changes, slug: collection.slug, fields: changes.fields ?? collection.fields }
}
