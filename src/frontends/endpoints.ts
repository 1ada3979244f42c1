import { eventsCalendarEndpoint } from './calendar/eventEndpoint'
import { feedEndpoint } from './feeds/endpoint'
import { sitemapEndpoint, sitemapPageEndpoint } from './sitemap/endpoint'

/**
 * The root endpoints for frontends: feeds, the events calendar and the sitemap (one event's
 * calendar is an endpoint of the Events collection).
 */
export const syndicationEndpoints = [
  feedEndpoint,
  eventsCalendarEndpoint,
  sitemapEndpoint,
  sitemapPageEndpoint,
]
