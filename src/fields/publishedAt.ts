import type { DateField } from 'payload'

export const publishedAtField = (name = 'publishedAt'): DateField => ({
  name,
  type: 'date',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: 'Set automatically when first published.',
  },
})
