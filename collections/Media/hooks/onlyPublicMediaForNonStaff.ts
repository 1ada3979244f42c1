import type { CollectionBeforeValidateHook } from 'payload'

import { assertReferencesPublicMedia, mediaIdsOf, type MediaReferences } from '../mediaUse'

/** Non-staff writers (members on their own profile) may only point at media that is already public. */
export const onlyPublicMediaForNonStaff =
  (slug: string, refs: MediaReferences): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req }) => {
    for (const path of [...refs.uploads, ...refs.richText]) {
      const only = { uploads: refs.uploads.filter((p) => p === path), richText: refs.richText.filter((p) => p === path) }
      const before = mediaIdsOf(originalDoc, only)
      const added = [...mediaIdsOf(data, only)].filter((id) => !before.has(id))
      await assertReferencesPublicMedia(req, slug, added, path)
    }
    return data
  }
