import type { CollectionConfig, Field } from 'payload'

/**
 * Customises a collection a plugin adds, as Payload's official plugins do: receives the plugin's
 * fields and returns what to change (e.g. `access`, `admin`, or `fields: [...defaultFields, extra]`).
 * The slug cannot be changed: the plugin finds its collections by slug.
 */
export type CollectionOverrides = (args: {
  defaultFields: Field[]
}) => Partial<Omit<CollectionConfig, 'slug'>>

/** A plugin collection with the host's `overrides` applied; the slug stays the plugin's. */
export const withOverrides = (
  collection: CollectionConfig,
  overrides: CollectionOverrides | undefined,
): CollectionConfig => {
  if (!overrides) return collection
  const changes = overrides({ defaultFields: collection.fields })
  return {
    ...collection,
    ...changes,
    slug: collection.slug,
    fields: changes.fields ?? collection.fields,
  }
}
