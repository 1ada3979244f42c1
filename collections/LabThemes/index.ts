import type { CollectionConfig } from 'payload'

import { publicContentAccess } from '@/access/contentAccess'
import { slugField } from '@/fields/slug'

import { SLUGS } from '../slugs'

export const LAB_THEME_STATUSES = ['open', 'active', 'closed'] as const

/** The Improvement Lab's yearly theme. */
export const LabThemes: CollectionConfig = {
  slug: SLUGS.labThemes,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'status'],
  },
  access: publicContentAccess,
  defaultSort: '-year',
  // The public list, newest year first, ties by -createdAt as Payload sorts: read in index order.
  indexes: [{ fields: ['year', 'createdAt'] }],
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'year', type: 'number', required: true, min: 2015, max: 2100, index: true },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    { name: 'content', type: 'richText' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: LAB_THEME_STATUSES.map((value) => ({
        label: value[0].toUpperCase() + value.slice(1),
        value,
      })),
      admin: { position: 'sidebar' },
    },
  ],
}
