import type { CollectionConfig } from 'payload'

import { SLUGS } from '../slugs'
import { onlyPublicMediaForNonStaff } from './hooks/onlyPublicMediaForNonStaff'
import { refreshMediaAfterChange } from './hooks/refreshMediaAfterChange'
import { refreshMediaAfterDelete } from './hooks/refreshMediaAfterDelete'
import { rememberMediaBeforeChange } from './hooks/rememberMediaBeforeChange'
import { findMediaReferences, PUBLIC_DOCUMENTS } from './mediaUse'

/**
 * Adds the hooks that keep `media.usedByPublished` true exactly while a public document uses the
 * file. A collection that can reference media but is not in PUBLIC_DOCUMENTS stops the start-up:
 * its media would otherwise stay hidden (or, worse, be assumed public) without anyone deciding.
 */
export const trackMediaUse = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === SLUGS.media) return collection
  const refs = findMediaReferences(collection.fields)
  if (refs.uploads.length === 0 && refs.richText.length === 0) return collection
  if (!(collection.slug in PUBLIC_DOCUMENTS)) {
    throw new Error(`trackMediaUse: "${collection.slug}" references media; say in PUBLIC_DOCUMENTS which of its documents are public`)
  }
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeValidate: [...(hooks.beforeValidate ?? []), onlyPublicMediaForNonStaff(collection.slug, refs)],
      beforeChange: [...(hooks.beforeChange ?? []), rememberMediaBeforeChange(collection.slug, refs)],
      afterChange: [...(hooks.afterChange ?? []), refreshMediaAfterChange(collection.slug, refs)],
      afterDelete: [...(hooks.afterDelete ?? []), refreshMediaAfterDelete(refs)],
    },
  }
}
