import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { nobody } from '@/access/nobody'
import { RETENTION_TASKS } from '@/privacy/retention/constants'

import { SLUGS } from '../slugs'

/**
 * One row per run of a retention task: proof that deletion happens, kept because Payload deletes
 * completed jobs. No personal data: counts, timings and an error message written by our own code.
 * Trimmed to RETENTION_RUNS_KEEP_DAYS by every run.
 */
export const RetentionRuns: CollectionConfig = {
  slug: SLUGS.retentionRuns,
  labels: { singular: 'Retention run', plural: 'Retention runs' },
  admin: {
    group: 'Privacy',
    useAsTitle: 'task',
    defaultColumns: ['task', 'ranAt', 'ok', 'removed', 'durationMs', 'error'],
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-ranAt',
  // The Privacy area shows the last run of each task.
  indexes: [{ fields: ['task', 'ranAt'] }],
  fields: [
    {
      name: 'task',
      type: 'select',
      required: true,
      options: Object.values(RETENTION_TASKS),
    },
    { name: 'ranAt', type: 'date', required: true, index: true },
    { name: 'ok', type: 'checkbox', required: true, defaultValue: true },
    {
      name: 'removed',
      type: 'number',
      required: true,
      defaultValue: 0,
      admin: { description: 'Records deleted (or, for client data, cleared) by this run.' },
    },
    { name: 'durationMs', type: 'number', required: true, defaultValue: 0 },
    {
      name: 'error',
      type: 'text',
      admin: { description: "The failure's message, when the run failed." },
    },
  ],
  timestamps: true,
}
