import { documented, errorResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { REGIONS } from '@/fields/regions'
import { canBeDocumentId } from '@/http/documentId'
import { badRequest, errorResponse } from '@/http/errorResponses'

import {
  newestDate,
  representationResponse,
  serverHost,
  unexpectedParameter,
} from '../representation'
import { revalidatedResponses } from '../responseDocs'
import { buildCalendar, type CalendarEvent } from './buildCalendar'

/** Upcoming events in one calendar, at most. */
export const CALENDAR_MAX_EVENTS = 500
export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8'

const REGION_VALUES: readonly string[] = REGIONS.map((region) => region.value)

/** What an entry is made of; `onlineUrl` comes back only for readers field access lets see it. */
const CALENDAR_SELECT = {
  title: true,
  slug: true,
  summary: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  attendanceMode: true,
  location: true,
  onlineUrl: true,
  status: true,
  sequence: true,
  createdAt: true,
  updatedAt: true,
} as const

/**
 * Events as the caller may read them (the REST API's rules: `overrideAccess: false` with the
 * request's user), so the members-only online link is there for members and staff only.
 */
const readEvents = async (
  req: PayloadRequest,
  where: Where,
  limit: number,
): Promise<CalendarEvent[]> =>
  (
    await req.payload.find({
      collection: 'events',
      where,
      sort: 'startsAt',
      limit,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      req,
      select: CALENDAR_SELECT,
    })
  ).docs

const calendarResponse = (req: PayloadRequest, events: CalendarEvent[], filename: string) =>
  representationResponse(req, {
    body: buildCalendar(events, { name: 'Q Community events', host: serverHost() }),
    contentType: CALENDAR_CONTENT_TYPE,
    lastModified: newestDate(events.map((event) => event.updatedAt)),
    filename,
  })

const calendarResponses = (description: string) =>
  revalidatedResponses(
    description,
    { 'text/calendar': { type: 'string' } },
    'The newest change of an event in it.',
  )

/** `GET /api/events.ics[?region=…]`: the upcoming events (not yet ended), soonest first. */
export const eventsCalendarEndpoint = documented<Endpoint>(
  {
    path: '/events.ics',
    method: 'get',
    handler: async (req) => {
      const unexpected = unexpectedParameter(req, ['region'])
      if (unexpected) return unexpected
      const region = req.searchParams.get('region')
      if (region !== null && !REGION_VALUES.includes(region))
        return badRequest('region', `region must be one of: ${REGION_VALUES.join(', ')}.`)
      const where: Where = {
        and: [
          { endsAt: { greater_than_equal: new Date().toISOString() } },
          ...(region ? [{ region: { equals: region } }] : []),
        ],
      }
      const events = await readEvents(req, where, CALENDAR_MAX_EVENTS)
      return calendarResponse(req, events, region ? `q-events-${region}.ics` : 'q-events.ics')
    },
  },
  {
    summary: 'iCalendar of upcoming events',
    description: `Events that have not ended, soonest first (at most ${CALENDAR_MAX_EVENTS}), each in its own time zone (VTIMEZONE). Subscribe to it from a calendar app. The online link is included for logged-in members and staff only; their answers are not cacheable.`,
    tags: ['events'],
    audience: 'public',
    parameters: [
      {
        name: 'region',
        in: 'query',
        description: 'Only events in this region.',
        schema: { type: 'string', enum: [...REGION_VALUES] },
      },
    ],
    responses: {
      ...calendarResponses('The calendar.'),
      '400': errorResponseDoc('`region` is not a region, or a parameter other than `region`.'),
    },
  },
)

/** `GET /api/events/<id>.ics`: one event, to add to a calendar. */
export const eventCalendarEndpoint = documented<Endpoint>(
  {
    path: '/:id.ics',
    method: 'get',
    handler: async (req) => {
      const unexpected = unexpectedParameter(req)
      if (unexpected) return unexpected
      const id = String(req.routeParams?.id ?? '')
      const events = canBeDocumentId(req.payload.db.defaultIDType, id)
        ? await readEvents(req, { id: { equals: id } }, 1)
        : []
      if (events.length === 0) return errorResponse(404, 'No such event.')
      return calendarResponse(req, events, `q-event-${events[0].slug || id}.ics`)
    },
  },
  {
    summary: 'iCalendar of one event',
    tags: ['events'],
    audience: 'public',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      ...calendarResponses('The event as a calendar with one entry.'),
      '404': errorResponseDoc('No event with that id.'),
    },
  },
)

/** The Events collection's own endpoints. */
export const calendarEndpoints: Endpoint[] = [eventCalendarEndpoint]
