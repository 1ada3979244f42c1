import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '@/access/contentAccess'
import { slugField } from '@/fields/slug'

import { SLUGS } from '../slugs'
import { validatePdf } from './hooks/validatePdf'

/** Independent evaluation reports (e.g. RAND Europe's). */
export const EvaluationReports: CollectionConfig = {
  slug: SLUGS.evaluationReports,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'authorsOrganisation', 'phase', 'publishedDate', '_status'],
  },
  access: draftableContentAccess,
  defaultSort: '-publishedDate',
  // The public list: published only, newest report first (ties by -createdAt, as Payload sorts).
  indexes: [{ fields: ['_status', 'publishedDate', 'createdAt'] }],
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 250 },
    slugField('title'),
    { name: 'authorsOrganisation', type: 'text', required: true, maxLength: 200 },
    { name: 'phase', type: 'text', maxLength: 100 },
    { name: 'publishedDate', type: 'date', index: true },
    { name: 'summary', type: 'textarea', maxLength: 3000 },
    {
      name: 'keyFindings',
      type: 'array',
      labels: { singular: 'Key finding', plural: 'Key findings' },
      fields: [{ name: 'finding', type: 'textarea', required: true, maxLength: 1000 }],
    },
    {
      name: 'reportFile',
      type: 'upload',
      relationTo: SLUGS.media,
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      validate: validatePdf,
    },
  ],
}
