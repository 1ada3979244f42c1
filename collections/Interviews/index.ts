import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '@/access/contentAccess'
import { publishedAtField } from '@/fields/publishedAt'
import { slugField } from '@/fields/slug'
import { populatePublishedAt } from '@/hooks/populatePublishedAt'

import { SLUGS } from '../slugs'

/** Member stories told as interviews ("hear about members through interviews"). */
export const Interviews: CollectionConfig = {
  slug: SLUGS.interviews,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'interviewee', '_status', 'publishedAt'],
  },
  access: draftableContentAccess,
  defaultSort: '-publishedAt',
  // The public list: published only, newest first (ties by -createdAt, as Payload sorts).
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: { beforeChange: [populatePublishedAt] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'interviewee', type: 'relationship', relationTo: SLUGS.members },
    { name: 'intervieweeRole', type: 'text', maxLength: 200 },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    { name: 'content', type: 'richText' },
    publishedAtField(),
  ],
}
