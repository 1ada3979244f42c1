import type { FieldHook, TextField } from 'payload'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** "What we're learning – in 2017!" → "what-were-learning-in-2017" */
export const formatSlug = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')

const generateSlugFrom =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return formatSlug(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' ? formatSlug(source) || undefined : value
  }

/** A unique, URL-safe slug, generated from `sourceField` when left empty. */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  required: true,
  admin: {
    position: 'sidebar',
    description: `Used in the page address. Generated from the ${sourceField} when left empty.`,
  },
  hooks: {
    beforeValidate: [generateSlugFrom(sourceField)],
  },
  validate: (value: string | null | undefined) => {
    if (!value) return 'A slug is required (or a title to generate it from).'
    if (!SLUG_PATTERN.test(value)) return 'Use lowercase letters, numbers and single hyphens only.'
    return true
  },
})
