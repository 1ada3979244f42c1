import { GLOBAL_SLUGS } from '@collections/slugs'
import type { GlobalConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'

/**
 * How long personal data is kept and how safe a research export must be, set by admins in the
 * "Privacy" area. Each retention task reads its period here when it runs.
 */
export const PrivacySettings: GlobalConfig = {
  slug: GLOBAL_SLUGS.privacySettings,
  label: 'Privacy settings',
  admin: { group: 'Privacy' },
  access: { read: isStaff, update: isAdmin },
  fields: [
    {
      name: 'networkExportMinGroupSize',
      label: 'Smallest region × profession group in a network export (k)',
      type: 'number',
      required: true,
      defaultValue: 5,
      min: 2,
      max: 100,
      admin: {
        description:
          'Members in a smaller region × profession group are merged into a wider group or left out, so no one can be singled out.',
      },
    },
    {
      name: 'networkExportKeepDays',
      label: 'Days a network export can be downloaded',
      type: 'number',
      required: true,
      defaultValue: 7,
      min: 1,
      max: 90,
    },
    {
      name: 'unconfirmedSubscriptionDays',
      label: 'Days an unconfirmed subscription is kept',
      type: 'number',
      required: true,
      defaultValue: 30,
      min: 1,
      max: 365,
    },
    {
      name: 'erasureRecordsKeepDays',
      label: "Days an erased member's residual records are kept",
      type: 'number',
      required: true,
      defaultValue: 30,
      min: 1,
      max: 365,
      admin: {
        description:
          'Erasure requests (done, expired or cancelled) and other records left after a member is erased.',
      },
    },
  ],
}
