import type { SelectField } from 'payload'

import type { SelectOverrides } from './selectOverrides'

/** Improvement topics shared by member interests and content, so members can follow what they care about. */
export const TOPICS = [
  { label: 'Patient safety', value: 'patient-safety' },
  { label: 'Person-centred care', value: 'person-centred-care' },
  { label: 'Self-management and supported self-care', value: 'self-management' },
  { label: 'Mental health', value: 'mental-health' },
  { label: 'Primary and community care', value: 'primary-care' },
  { label: 'Data and measurement', value: 'data-and-measurement' },
  { label: 'Co-design and co-production', value: 'co-design' },
  { label: 'Leadership and culture', value: 'leadership' },
  { label: 'Workforce', value: 'workforce' },
  { label: 'Digital and technology', value: 'digital' },
  { label: 'Health inequalities', value: 'health-inequalities' },
  { label: 'Evaluation and learning', value: 'evaluation' },
] as const

export const topicsField = (name = 'topics', overrides: SelectOverrides = {}): SelectField => ({
  name,
  type: 'select',
  hasMany: true,
  options: [...TOPICS],
  ...overrides,
})
