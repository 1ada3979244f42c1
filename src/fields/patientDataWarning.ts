import type { CollectionConfig, Field, UIField } from 'payload'

import type { WarnedField } from '@/content/patientDataWarning'

const labelOf = (name: string, label: unknown) =>
  typeof label === 'string'
    ? label
    : name.charAt(0).toUpperCase() +
      name
        .slice(1)
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()

/**
 * The fields staff type prose into: text, textarea and rich text (the slug repeats the title),
 * also inside groups, rows, collapsibles and arrays (`keyFindings.*.finding`: every row).
 */
export const warnedFieldsOf = (
  fields: readonly Field[],
  prefix = '',
  labelPrefix = '',
): WarnedField[] =>
  fields.flatMap((field): WarnedField[] => {
    if (field.type === 'row' || field.type === 'collapsible')
      return warnedFieldsOf(field.fields, prefix, labelPrefix)
    if (!('name' in field) || field.type === 'ui') return []
    if (field.hidden || ('virtual' in field && field.virtual)) return []
    const label = `${labelPrefix}${labelOf(field.name, field.label)}`
    if (field.type === 'group')
      return warnedFieldsOf(field.fields, `${prefix}${field.name}.`, `${label}: `)
    if (field.type === 'array')
      return warnedFieldsOf(field.fields, `${prefix}${field.name}.*.`, `${label}: `)
    if (field.type !== 'text' && field.type !== 'textarea' && field.type !== 'richText') return []
    if (field.name === 'slug') return []
    return [{ path: `${prefix}${field.name}`, label, richText: field.type === 'richText' }]
  })

/**
 * A sidebar warning on drafts whose title, summary or content holds an NHS, CHI or H&C number
 * (or a date of birth next to a postcode), computed as staff type. It never blocks a save: a
 * draft is where the text gets fixed. A `ui` field, so nothing is stored and the API is unchanged.
 */
export const withPatientDataWarning = (collection: CollectionConfig): CollectionConfig => {
  const field: UIField = {
    name: 'patientDataWarning',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: {
        Field: {
          path: '/components/PatientDataWarning#PatientDataWarning',
          clientProps: { fields: warnedFieldsOf(collection.fields) },
        },
      },
    },
  }
  return { ...collection, fields: [...collection.fields, field] }
}
