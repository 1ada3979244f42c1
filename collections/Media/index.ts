import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/isEditor'
import { publicMediaOrStaff } from '@/access/publicMediaOrStaff'
import { serverOnlyField } from '@/access/serverOnlyField'
import { settings } from '@/config/settings'

import { SLUGS } from '../slugs'

/** Images and PDFs only: the sharp sizes below are what frontends ask for by name. */
export const ALLOWED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/pdf']

/** Files are public only once published content uses them (see ./mediaUse); staff read all. */
export const Media: CollectionConfig = {
  slug: SLUGS.media,
  admin: { group: 'Content' },
  access: {
    create: isEditor,
    read: publicMediaOrStaff,
    update: isEditor,
    delete: isEditor,
  },
  // The public list: files that published content uses, newest first (Payload's default sort).
  indexes: [{ fields: ['usedByPublished', 'createdAt'] }],
  upload: {
    staticDir: settings.mediaDir,
    mimeTypes: ALLOWED_MEDIA_TYPES,
    focalPoint: true,
    // Photos carry EXIF: GPS position, camera serial, time taken - a patient's home, a ward. The
    // resized copies never keep it (no `withMetadata`), but Payload stores the original untouched
    // unless it has adjustments to make: any `constructorOptions` send the original through sharp
    // too, auto-rotated by its EXIF orientation and re-encoded without metadata. The pixel limit
    // is sharp's own default (stated, so the original is always processed).
    constructorOptions: { limitInputPixels: 268_402_689 },
    withMetadata: false,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'Describe the image for people who cannot see it.' },
    },
    {
      // Kept by the hooks in ./trackMediaUse on every collection that references media: true while
      // a published (public) document uses the file. Only then may the public read it.
      name: 'usedByPublished',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { readOnly: true, position: 'sidebar', description: 'Public: a published document uses this file.' },
    },
  ],
}
