import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'

import { SLUGS } from '../slugs'

/**
 * The ZIP of each network export, base64 in the database rather than on the local disk: every
 * instance behind a load balancer can serve the download, the backup covers it, and deleting the
 * row deletes the file. Exports are small (1,500 members and 15,000 connections zip to well under
 * a megabyte) and kept a few days. The server alone reads and writes these rows, through the
 * database adapter (no field validation: Payload's default text limit is 40,000 characters).
 */
export const NetworkExportFiles: CollectionConfig = {
  slug: SLUGS.networkExportFiles,
  labels: { singular: 'Network export file', plural: 'Network export files' },
  admin: { group: 'Privacy', hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'export', type: 'relationship', relationTo: SLUGS.networkExports, index: true },
    { name: 'bytes', type: 'number' },
    { name: 'base64', type: 'textarea' },
  ],
  timestamps: true,
}
