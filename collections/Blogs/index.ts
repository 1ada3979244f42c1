import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '@/access/contentAccess'
import { publishedAtField } from '@/fields/publishedAt'
import { slugField } from '@/fields/slug'
import { topicsField } from '@/fields/topics'
import { populatePublishedAt } from '@/hooks/populatePublishedAt'

import { SLUGS } from '../slugs'
import { dropAuthorAddedForByline } from './hooks/dropAuthorAddedForByline'
import { resolveAuthorName } from './hooks/resolveAuthorName'
import { selectAuthorForByline } from './hooks/selectAuthorForByline'

export const Blogs: CollectionConfig = {
  slug: SLUGS.blogs,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt', 'updatedAt'],
  },
  access: draftableContentAccess,
  defaultSort: '-publishedAt',
  // The public list: published only (the access Where), newest first (Payload adds -createdAt to
  // break ties). Without it SQLite picks the _status index and sorts every row.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  hooks: {
    beforeChange: [populatePublishedAt],
    beforeOperation: [selectAuthorForByline],
    afterOperation: [dropAuthorAddedForByline],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'excerpt', type: 'textarea', maxLength: 500 },
    { name: 'content', type: 'richText' },
    {
      name: 'author',
      type: 'relationship',
      relationTo: [SLUGS.members, SLUGS.users],
      admin: { position: 'sidebar' },
    },
    // Set when the member who wrote the post erased their account: the byline reads "Former member".
    {
      name: 'authorErased',
      type: 'checkbox',
      defaultValue: false,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'authorName',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [resolveAuthorName] },
    },
    { name: 'heroImage', type: 'upload', relationTo: SLUGS.media },
    topicsField('topics', { admin: { position: 'sidebar' } }),
    publishedAtField(),
  ],
}
