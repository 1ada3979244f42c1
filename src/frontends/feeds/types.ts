/** One item of a feed, whatever the collection and the format. */
export type FeedEntry = {
  /** Stable whatever the slug or title becomes: a `tag:` URI (RFC 4151) on the CMS's host. */
  id: string
  title: string
  /** The document on the frontend (`frontendDocumentURL`). */
  link: string
  summary?: string
  /** A public name only (never an email address); none when the author is not public. */
  authorName?: string
  /** Topic labels. */
  categories: string[]
  published: Date
  updated: Date
  enclosure?: { url: string; length: number; type: string }
}

/** What describes the feed itself. */
export type FeedMeta = {
  title: string
  description: string
  /** The feed's own URL in the format being rendered (`rel="self"`, `feed_url`). */
  selfURL: string
  /** The frontend's home page (`rel="alternate"`, `home_page_url`). */
  alternateURL: string
  /** The newest item's change (the epoch for an empty feed, so the bytes stay the same). */
  updated: Date
  /** The `tag:` URI of the feed (Atom's `<id>`). */
  id: string
}

/** Who publishes every feed (Atom needs an author for entries without one). */
export const FEED_PUBLISHER = 'Q Community'
export const FEED_LANGUAGE = 'en-GB'
