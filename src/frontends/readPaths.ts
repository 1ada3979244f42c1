import { FEED_PATHS } from './feeds/feedFiles'

/**
 * Feeds, the events calendar and the sitemap: their anonymous answers are the same for everyone,
 * so the read cache may keep them (exact paths; `/events/<id>.ics` is kept as a by-id read of
 * events). The sitemap files of an index are open-ended paths and are not kept.
 */
export const SYNDICATION_READ_PATHS = [...FEED_PATHS, '/events.ics', '/sitemap.xml'] as const
