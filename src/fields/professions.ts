import type { SelectField } from 'payload'

import type { SelectOverrides } from './selectOverrides'

export const PROFESSIONS = [
  { label: 'Doctor', value: 'doctor' },
  { label: 'Nurse or midwife', value: 'nurse' },
  { label: 'Allied health professional', value: 'allied-health-professional' },
  { label: 'Pharmacist', value: 'pharmacist' },
  { label: 'Manager or leader', value: 'manager' },
  { label: 'Improvement specialist', value: 'improvement-specialist' },
  { label: 'Researcher or academic', value: 'researcher' },
  { label: 'Commissioner or policy maker', value: 'commissioner' },
  { label: 'Patient or carer leader', value: 'patient-leader' },
  { label: 'Other', value: 'other' },
] as const

export const professionField = (overrides: SelectOverrides = {}): SelectField => ({
  name: 'profession',
  type: 'select',
  options: [...PROFESSIONS],
  index: true,
  ...overrides,
})
