import { SLUGS } from '@collections/slugs'

import { renderAtom } from './atom'
import { renderJSONFeed } from './jsonFeed'
import { renderRSS } from './rss'
import type { FeedEntry, FeedMeta } from './types'

/** The collections with a feed of their own, by feed name (the same as their slugs). */
export const FEED_COLLECTIONS = [SLUGS.blogs, SLUGS.interviews, SLUGS.evaluationReports] as const
export type FeedCollection = (typeof FEED_COLLECTIONS)[number]

/** `all`: the three together, newest first. */
export const COMBINED_FEED = 'all'
export const FEED_NAMES = [...FEED_COLLECTIONS, COMBINED_FEED] as const
export type FeedName = (typeof FEED_NAMES)[number]

export const FEED_TITLES: Record<FeedName, string> = {
  blogs: 'Blogs',
  interviews: 'Interviews',
  'evaluation-reports': 'Evaluation reports',
  all: 'Blogs, interviews and evaluation reports',
}

/** Items per feed. */
export const FEED_SIZE = 50

type FeedFormat = {
  contentType: string
  render: (meta: FeedMeta, entries: FeedEntry[]) => string
}

/** By file extension: `xml` RSS 2.0, `atom` Atom 1.0, `json` JSON Feed 1.1. */
export const FEED_FORMATS = {
  xml: { contentType: 'application/rss+xml; charset=utf-8', render: renderRSS },
  atom: { contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  json: { contentType: 'application/feed+json; charset=utf-8', render: renderJSONFeed },
} as const satisfies Record<string, FeedFormat>
export type FeedExtension = keyof typeof FEED_FORMATS

const isFeedName = (value: string): value is FeedName =>
  (FEED_NAMES as readonly string[]).includes(value)
const isFeedExtension = (value: string): value is FeedExtension =>
  Object.hasOwn(FEED_FORMATS, value)

/** `blogs.atom` → `{ name: 'blogs', extension: 'atom' }`; null for anything else. */
export const parseFeedFile = (
  file: string,
): { name: FeedName; extension: FeedExtension } | null => {
  const dot = file.lastIndexOf('.')
  if (dot <= 0) return null
  const name = file.slice(0, dot)
  const extension = file.slice(dot + 1)
  return isFeedName(name) && isFeedExtension(extension) ? { name, extension } : null
}

/** The newest first, then the first `FEED_SIZE` (the combined feed merges three lists). */
export const newestEntries = (entries: FeedEntry[]): FeedEntry[] =>
  [...entries]
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE)

/** The API path of a feed (`/feeds/blogs.xml`), under the API route. */
export const feedPath = (name: FeedName, extension: FeedExtension): string =>
  `/feeds/${name}.${extension}`

/** Every feed's path. */
export const FEED_PATHS = FEED_NAMES.flatMap((name) =>
  (Object.keys(FEED_FORMATS) as FeedExtension[]).map((extension) => feedPath(name, extension)),
)
