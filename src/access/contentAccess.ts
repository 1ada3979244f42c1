import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { isAdmin } from './isAdmin'
import { isEditor } from './isEditor'
import { publishedOrStaff } from './publishedOrStaff'

/**
 * The editorial rules every content collection shares: editors and admins write and publish,
 * only admins delete.
 */
const editorialWrites = {
  create: isEditor,
  update: isEditor,
  delete: isAdmin,
} satisfies CollectionConfig['access']

/** Collections with drafts: the public and members read published documents only. */
export const draftableContentAccess = {
  ...editorialWrites,
  read: publishedOrStaff,
  readVersions: isEditor,
} satisfies CollectionConfig['access']

/** Collections without drafts: everything saved is public. */
export const publicContentAccess = {
  ...editorialWrites,
  read: anyone,
} satisfies CollectionConfig['access']
