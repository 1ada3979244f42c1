import type { CollectionConfig } from 'payload'

import { publicContentAccess } from '@/access/contentAccess'
import { isMemberOrStaffField } from '@/access/isMemberOrStaffField'
import { serverOnlyField } from '@/access/serverOnlyField'
import { regionField } from '@/fields/regions'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { calendarEndpoints } from '@/frontends/calendar/eventEndpoint'

import { SLUGS } from '../slugs'
import { bumpSequence } from './hooks/bumpSequence'
import { validateEndsAt } from './hooks/validateEndsAt'
import { validateTimeZone } from './hooks/validateTimeZone'

export const ATTENDANCE_MODES = ['in-person', 'online', 'mixed'] as const
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'moved-online'] as const

const toOptions = (values: readonly string[]) =>
  values.map((value) => ({
    label: value[0].toUpperCase() + value.slice(1).replace('-', ' '),
    value,
  }))

export const Events: CollectionConfig = {
  slug: SLUGS.events,
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'attendanceMode', 'status', 'region'],
  },
  access: publicContentAccess,
  defaultSort: 'startsAt',
  hooks: { beforeChange: [bumpSequence] },
  // Before Payload's own `/:id`, which would take `12.ics` for an id.
  endpoints: calendarEndpoints,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    { name: 'description', type: 'richText' },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          validate: validateEndsAt,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'timeZone',
      type: 'text',
      required: true,
      defaultValue: 'Europe/London',
      validate: validateTimeZone,
    },
    {
      name: 'attendanceMode',
      type: 'select',
      required: true,
      defaultValue: 'in-person',
      options: toOptions(ATTENDANCE_MODES),
    },
    { name: 'location', type: 'text', maxLength: 300 },
    urlField('onlineUrl', {
      // Joining links are for the community, not the open web.
      access: { read: isMemberOrStaffField },
      admin: { description: 'Visible to logged-in members and staff only.' },
    }),
    { name: 'capacity', type: 'number', min: 1, admin: { step: 1 } },
    urlField('registrationUrl'),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'scheduled',
      options: toOptions(EVENT_STATUSES),
      admin: { position: 'sidebar' },
    },
    regionField({ admin: { position: 'sidebar' } }),
    {
      // The iCalendar SEQUENCE of the event (src/frontends/calendar): kept by ./hooks/bumpSequence.
      name: 'sequence',
      type: 'number',
      defaultValue: 0,
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Revision of the calendar entry: goes up when what a calendar shows changes.',
      },
    },
  ],
}
