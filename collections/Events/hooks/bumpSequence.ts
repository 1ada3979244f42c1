import type { Event } from '@q-community/cms-client/types'
import type { CollectionBeforeChangeHook } from 'payload'

import { calendarChanged } from '@/frontends/calendar/calendarChange'

/**
 * Keeps `sequence` (the iCalendar SEQUENCE of the event's entry): 0 when created, one more on each
 * save that changes what a calendar shows, so calendar apps take the new version. Clients never
 * set it (field access drops what they send); this hook is its only writer.
 */
export const bumpSequence: CollectionBeforeChangeHook<Event> = ({
  data,
  operation,
  originalDoc,
}) => {
  if (operation === 'create') return { ...data, sequence: 0 }
  const previous = originalDoc?.sequence ?? 0
  return {
    ...data,
    sequence: originalDoc && calendarChanged(originalDoc, data) ? previous + 1 : previous,
  }
}
