import { TZDate } from '@date-fns/tz'
import type { Event } from '@q-community/cms-client/types'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library'

import { frontendDocumentURL } from '../documentURL'
import { withoutControlCharacters } from '../xml'

/** The fields of an event a calendar entry is made of (`select`). */
export type CalendarEvent = Pick<
  Event,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'attendanceMode'
  | 'location'
  | 'status'
  | 'sequence'
  | 'createdAt'
  | 'updatedAt'
> & {
  /** Present only when the reader may read it (members and staff). */
  onlineUrl?: string | null
}

/**
 * `cancelled` → CANCELLED. `postponed` → TENTATIVE: the date shown is no longer sure to happen but
 * the event is not called off (CANCELLED would make calendar apps drop it). `moved-online` and
 * `scheduled` → CONFIRMED.
 */
export const CALENDAR_STATUS: Record<Event['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  'moved-online': ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
}

/** The UID of an event's entry: the same for as long as the event exists, whatever changes. */
export const eventUID = (id: number | string, host: string): string => `event-${id}@${host}`

const KNOWN_ZONES = new Set(tzlib_get_timezones(false))

/**
 * The VTIMEZONE of an IANA zone, from the tz database the package ships (current, no network), or
 * null when it has none under that exact name (an alias it files under another TZID, say).
 */
export const vtimezone = (zone: string): string | null => {
  if (!KNOWN_ZONES.has(zone)) return null
  const found = tzlib_get_ical_block(zone, false)
  if (!Array.isArray(found)) return null
  const [block, tzid] = found
  return block && tzid === `TZID=${zone}` ? block : null
}

/**
 * An iCalendar (RFC 5545) of events: times local to each event's IANA zone (`DTSTART;TZID=…`)
 * with that zone's VTIMEZONE, or UTC for a zone the tz copy does not know. DTSTAMP is the event's
 * last change, not the time of the request, so the same events give the same bytes (and ETag).
 */
export const buildCalendar = (
  events: readonly CalendarEvent[],
  { name, host }: { name: string; host: string },
): string => {
  const calendar = ical({
    name,
    prodId: { company: 'Q Community', product: 'CMS', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
  })
  for (const event of events) {
    const zone = vtimezone(event.timeZone) ? event.timeZone : null
    const at = (instant: string) => (zone ? new TZDate(instant, zone) : new Date(instant))
    const description = [
      event.summary,
      event.onlineUrl ? `Join online: ${event.onlineUrl}` : null,
    ].filter(Boolean)
    calendar.createEvent({
      id: eventUID(event.id, host),
      sequence: event.sequence ?? 0,
      start: at(event.startsAt),
      end: at(event.endsAt),
      timezone: zone,
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      summary: withoutControlCharacters(event.title),
      description:
        description.length > 0 ? withoutControlCharacters(description.join('\n\n')) : null,
      location: withoutControlCharacters(
        event.location || (event.attendanceMode === 'online' ? event.onlineUrl : null) || null,
      ),
      url: frontendDocumentURL('events', event),
      status: CALENDAR_STATUS[event.status],
    })
  }
  return calendar.toString()
}
