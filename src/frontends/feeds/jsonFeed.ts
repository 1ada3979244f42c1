import type { FeedEntry, FeedMeta } from './types'
import { FEED_LANGUAGE } from './types'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

type JSONFeedItem = {
  id: string
  url: string
  title: string
  content_text: string
  summary?: string
  date_published: string
  date_modified: string
  authors?: { name: string }[]
  tags?: string[]
  attachments?: { url: string; mime_type: string; size_in_bytes: number }[]
}

export type JSONFeed = {
  version: typeof JSON_FEED_VERSION
  title: string
  home_page_url: string
  feed_url: string
  description: string
  language: string
  items: JSONFeedItem[]
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `authors` (an array, 1.1's), `language`,
 * and each item's `content_text` (required: one of `content_text`/`content_html`), which carries the
 * summary as the plain text it is.
 */
export const renderJSONFeed = (meta: FeedMeta, entries: FeedEntry[]): string => {
  const feed: JSONFeed = {
    version: JSON_FEED_VERSION,
    title: meta.title,
    home_page_url: meta.alternateURL,
    feed_url: meta.selfURL,
    description: meta.description,
    language: FEED_LANGUAGE,
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.link,
      title: entry.title,
      content_text: entry.summary || entry.title,
      ...(entry.summary ? { summary: entry.summary } : {}),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      ...(entry.authorName ? { authors: [{ name: entry.authorName }] } : {}),
      ...(entry.categories.length > 0 ? { tags: entry.categories } : {}),
      ...(entry.enclosure
        ? {
            attachments: [
              {
                url: entry.enclosure.url,
                mime_type: entry.enclosure.type,
                size_in_bytes: entry.enclosure.length,
              },
            ],
          }
        : {}),
    })),
  }
  return JSON.stringify(feed, null, 2)
}
