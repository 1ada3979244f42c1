import type { CollectionConfig } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>
type OurHooks = Pick<
  Hooks,
  'afterChange' | 'beforeChange' | 'beforeDelete' | 'beforeOperation' | 'beforeValidate'
>

/** The collection with our hooks run before the ones it has (the host's, through overrides). */
export const prependHooks = (collection: CollectionConfig, ours: OurHooks): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [
      ...(ours.beforeOperation ?? []),
      ...(collection.hooks?.beforeOperation ?? []),
    ],
    beforeValidate: [...(ours.beforeValidate ?? []), ...(collection.hooks?.beforeValidate ?? [])],
    beforeChange: [...(ours.beforeChange ?? []), ...(collection.hooks?.beforeChange ?? [])],
    afterChange: [...(ours.afterChange ?? []), ...(collection.hooks?.afterChange ?? [])],
    beforeDelete: [...(ours.beforeDelete ?? []), ...(collection.hooks?.beforeDelete ?? [])],
  },
})
