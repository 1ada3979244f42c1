/**
 * The event fields a calendar entry shows: a change to any of them is a new revision of the
 * entry (RFC 5545 SEQUENCE), so calendar apps that imported it replace their copy. `slug` changes
 * its URL; `onlineUrl` is what members join with.
 */
export const CALENDAR_FIELDS = [
  'title',
  'slug',
  'summary',
  'startsAt',
  'endsAt',
  'timeZone',
  'location',
  'onlineUrl',
  'status',
  'attendanceMode',
] as const

type CalendarFields = Readonly<Partial<Record<(typeof CALENDAR_FIELDS)[number], unknown>>>

const DATE_FIELDS = new Set<string>(['startsAt', 'endsAt'])

/** A value as a calendar sees it: instants by their time, empty as null. */
const comparable = (field: string, value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null
  if (DATE_FIELDS.has(field) && (typeof value === 'string' || value instanceof Date)) {
    const time = new Date(value).getTime()
    return Number.isNaN(time) ? value : time
  }
  return value
}

/**
 * True when an update changes what a calendar shows. `update` is the data being saved (a partial
 * update leaves fields out: those stay as they were).
 */
export const calendarChanged = (previous: CalendarFields, update: CalendarFields): boolean =>
  CALENDAR_FIELDS.some(
    (field) =>
      field in update && comparable(field, update[field]) !== comparable(field, previous[field]),
  )
