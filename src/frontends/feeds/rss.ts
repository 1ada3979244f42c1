import { xmlBuilder } from '../xml'
import type { FeedEntry, FeedMeta } from './types'
import { FEED_LANGUAGE } from './types'

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification). RSS's own `<author>` must be an email
 * address; bylines here are names only, so they go in `<dc:creator>` (Dublin Core), as most feeds
 * do. `<atom:link rel="self">` is the RSS Advisory Board's recommendation.
 */
export const renderRSS = (meta: FeedMeta, entries: FeedEntry[]): string =>
  xmlBuilder().build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: meta.title,
        link: meta.alternateURL,
        description: meta.description,
        language: FEED_LANGUAGE,
        lastBuildDate: meta.updated.toUTCString(),
        'atom:link': {
          '@_href': meta.selfURL,
          '@_rel': 'self',
          '@_type': 'application/rss+xml',
        },
        item: entries.map((entry) => ({
          title: entry.title,
          link: entry.link,
          guid: { '@_isPermaLink': 'false', '#text': entry.id },
          pubDate: entry.published.toUTCString(),
          description: entry.summary,
          'dc:creator': entry.authorName,
          category: entry.categories,
          enclosure: entry.enclosure && {
            '@_url': entry.enclosure.url,
            '@_length': entry.enclosure.length,
            '@_type': entry.enclosure.type,
          },
        })),
      },
    },
  })
