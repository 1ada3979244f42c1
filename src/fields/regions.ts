import type { SelectField } from 'payload'

import type { SelectOverrides } from './selectOverrides'

/** The UK nations and the nine English regions, as a fixed list so analysis can group by them. */
export const REGIONS = [
  { label: 'North East', value: 'north-east' },
  { label: 'North West', value: 'north-west' },
  { label: 'Yorkshire and the Humber', value: 'yorkshire-and-the-humber' },
  { label: 'East Midlands', value: 'east-midlands' },
  { label: 'West Midlands', value: 'west-midlands' },
  { label: 'East of England', value: 'east-of-england' },
  { label: 'London', value: 'london' },
  { label: 'South East', value: 'south-east' },
  { label: 'South West', value: 'south-west' },
  { label: 'Scotland', value: 'scotland' },
  { label: 'Wales', value: 'wales' },
  { label: 'Northern Ireland', value: 'northern-ireland' },
] as const

export type Region = (typeof REGIONS)[number]['value']

export const regionField = (overrides: SelectOverrides = {}): SelectField => ({
  name: 'region',
  type: 'select',
  options: [...REGIONS],
  index: true,
  ...overrides,
})
