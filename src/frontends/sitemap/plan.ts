import { SLUGS } from '@collections/slugs'

/**
 * The collections whose documents have a public page. Members are left out: a profile is
 * personal data, and a sitemap would hand every directory entry to every crawler.
 */
export const SITEMAP_COLLECTIONS = [
  SLUGS.blogs,
  SLUGS.interviews,
  SLUGS.evaluationReports,
  SLUGS.events,
  SLUGS.labThemes,
] as const
export type SitemapCollection = (typeof SITEMAP_COLLECTIONS)[number]

/** One sitemap file: a run of one collection's documents (by id), at most `max` of them. */
export type SitemapPage = { collection: SitemapCollection; page: number }

/**
 * The sitemap files for these document counts: each collection split into runs of at most `max`
 * URLs, numbered on from 1 across the collections. A file never mixes collections, so each is
 * read with plain pages of one query.
 */
export const planSitemap = (
  counts: readonly { collection: SitemapCollection; count: number }[],
  max: number,
): SitemapPage[] =>
  counts.flatMap(({ collection, count }) =>
    Array.from({ length: Math.ceil(count / max) }, (_, index) => ({ collection, page: index + 1 })),
  )

/** Documents read per query: the largest divisor of `max` up to 1,000, so reads tile a file exactly. */
export const readChunkSize = (max: number): number => {
  for (let size = Math.min(max, 1000); size > 1; size--) if (max % size === 0) return size
  return 1
}

/** `3.xml` → 3; null for anything that is not a positive page number. */
export const parseSitemapFile = (file: string): number | null => {
  const match = /^([1-9]\d{0,8})\.xml$/.exec(file)
  return match ? Number(match[1]) : null
}
