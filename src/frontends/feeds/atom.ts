import { xmlBuilder } from '../xml'
import type { FeedEntry, FeedMeta } from './types'
import { FEED_LANGUAGE, FEED_PUBLISHER } from './types'

/** Atom 1.0 (RFC 4287). Titles and summaries are plain text (`type="text"`), as they are stored. */
export const renderAtom = (meta: FeedMeta, entries: FeedEntry[]): string =>
  xmlBuilder().build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': FEED_LANGUAGE,
      id: meta.id,
      title: { '@_type': 'text', '#text': meta.title },
      subtitle: { '@_type': 'text', '#text': meta.description },
      updated: meta.updated.toISOString(),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': meta.selfURL },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': meta.alternateURL },
      ],
      // Entries without a public byline fall back to the publisher (RFC 4287 §4.1.1).
      author: { name: FEED_PUBLISHER },
      entry: entries.map((entry) => ({
        id: entry.id,
        title: { '@_type': 'text', '#text': entry.title },
        link: [
          { '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.link },
          ...(entry.enclosure
            ? [
                {
                  '@_rel': 'enclosure',
                  '@_type': entry.enclosure.type,
                  '@_href': entry.enclosure.url,
                  '@_length': entry.enclosure.length,
                },
              ]
            : []),
        ],
        published: entry.published.toISOString(),
        updated: entry.updated.toISOString(),
        summary: entry.summary && { '@_type': 'text', '#text': entry.summary },
        author: entry.authorName && { name: entry.authorName },
        category: entry.categories.map((label) => ({ '@_term': label })),
      })),
    },
  })
