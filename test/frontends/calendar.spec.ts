/**
 * Calendars as pure functions: the iCalendar an event list becomes, read back with node-ical (times
 * across GMT and BST, another zone, VTIMEZONE, status, UID, SEQUENCE), and the rule for when an
 * edit is a new revision of the entry.
 */
import ical from 'node-ical'

import { buildCalendar, type CalendarEvent, vtimezone } from '@/frontends/calendar/buildCalendar'
import { calendarChanged } from '@/frontends/calendar/calendarChange'

const event = (overrides: Partial<CalendarEvent> & Pick<CalendarEvent, 'id'>): CalendarEvent => ({
  title: `Event ${overrides.id}`,
  slug: `event-${overrides.id}`,
  summary: 'A summary',
  startsAt: '2027-01-15T18:00:00.000Z',
  endsAt: '2027-01-15T20:00:00.000Z',
  timeZone: 'Europe/London',
  attendanceMode: 'in-person',
  location: 'Leeds',
  status: 'scheduled',
  sequence: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  ...overrides,
})

const events = [
  event({ id: 1 }),
  event({ id: 2, startsAt: '2027-07-15T17:00:00.000Z', endsAt: '2027-07-15T19:00:00.000Z' }),
  event({
    id: 3,
    timeZone: 'America/New_York',
    startsAt: '2027-03-01T14:00:00.000Z',
    endsAt: '2027-03-01T15:00:00.000Z',
    status: 'cancelled',
    sequence: 4,
  }),
  event({
    id: 4,
    attendanceMode: 'online',
    location: null,
    onlineUrl: 'https://meet.example.org/q',
  }),
]

const text = buildCalendar(events, { name: 'Q Community events', host: 'cms.example.org' })
const parsed = ical.sync.parseICS(text)
const vevent = (id: number) => {
  const found = parsed[`event-${id}@cms.example.org`]
  if (found?.type !== 'VEVENT') throw new Error(`no VEVENT ${id}`)
  return found
}

describe('buildCalendar', () => {
  it('writes local times with TZID and the zones’ VTIMEZONEs', () => {
    expect(text).toContain('DTSTART;TZID=Europe/London:20270115T180000')
    // 17:00Z in July is 18:00 British Summer Time.
    expect(text).toContain('DTSTART;TZID=Europe/London:20270715T180000')
    expect(text).toContain('DTSTART;TZID=America/New_York:20270301T090000')
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/)
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/New_York/)
  })

  it('reads back to the same instants across GMT and BST', () => {
    expect(vevent(1).start.toISOString()).toBe('2027-01-15T18:00:00.000Z')
    expect(vevent(2).start.toISOString()).toBe('2027-07-15T17:00:00.000Z')
    expect(vevent(3).start.toISOString()).toBe('2027-03-01T14:00:00.000Z')
    expect(vevent(3).end?.toISOString()).toBe('2027-03-01T15:00:00.000Z')
  })

  it('marks cancellations, keeps the revision, and links to the frontend', () => {
    expect(vevent(3).status).toBe('CANCELLED')
    expect(vevent(1).status).toBe('CONFIRMED')
    expect(Number(vevent(3).sequence)).toBe(4)
    expect(text).toMatch(/URL;VALUE=URI:\S+\/events\/event-1\r\n/)
    expect(vevent(4).location).toBe('https://meet.example.org/q')
    expect(vevent(4).description).toContain('Join online: https://meet.example.org/q')
  })

  it('uses current zone rules, and UTC for a zone it has no VTIMEZONE for', () => {
    // Mexico abolished daylight saving time in 2022; a 2018 copy of the tz database still has it.
    expect(vtimezone('America/Mexico_City')).not.toContain('BEGIN:DAYLIGHT')
    expect(vtimezone('Europe/London')).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU')
    expect(vtimezone('Mars/Olympus')).toBeNull()
    const odd = buildCalendar([event({ id: 9, timeZone: 'Mars/Olympus' })], {
      name: 'x',
      host: 'h',
    })
    expect(odd).toContain('DTSTART:20270115T180000Z')
    expect(odd).not.toContain('TZID=Mars')
  })

  it('gives the same bytes for the same events (no request time inside)', () => {
    expect(buildCalendar(events, { name: 'Q Community events', host: 'cms.example.org' })).toBe(
      text,
    )
  })
})

describe('calendarChanged', () => {
  const saved = { title: 'T', startsAt: '2027-01-15T18:00:00.000Z', location: null, capacity: 10 }

  it('is false when nothing a calendar shows changes', () => {
    expect(
      calendarChanged(saved, { title: 'T', startsAt: new Date('2027-01-15T18:00:00.000Z') }),
    ).toBe(false)
    expect(calendarChanged(saved, { location: '' })).toBe(false)
    expect(calendarChanged(saved, {})).toBe(false)
  })

  it('is true when a shown field changes', () => {
    expect(calendarChanged(saved, { title: 'New' })).toBe(true)
    expect(calendarChanged(saved, { startsAt: '2027-01-15T19:00:00.000Z' })).toBe(true)
    expect(calendarChanged(saved, { status: 'cancelled' })).toBe(true)
    expect(calendarChanged(saved, { location: 'York' })).toBe(true)
  })
})
