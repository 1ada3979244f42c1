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

/** The fields staff type prose into: top-level text, textarea and rich text (the slug repeats the title). */
export const warnedFieldsOf = (fields: readonly Field[]): WarnedField[] =>
  fields.flatMap((field) => {
    if (field.type !== 'text' && field.type !== 'textarea' && field.type !== 'richText') return []
    if (field.name === 'slug' || field.hidden || field.virtual) return []
    return [
      {
        path: field.name,
        label: labelOf(field.name, field.label),
        richText: field.type === 'richText',
      },
    ]
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
