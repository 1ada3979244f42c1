import { TOPICS } from '@/fields/topics'

import { frontendDocumentURL } from '../documentURL'
import type { FeedCollection } from './feedFiles'
import type { FeedEntry } from './types'

/** The fields a feed reads of each document (`select`): never a whole document. */
export type FeedDocument = {
  id: number | string
  title: string
  slug?: string | null
  excerpt?: string | null
  summary?: string | null
  topics?: readonly string[] | null
  publishedAt?: string | null
  publishedDate?: string | null
  createdAt: string
  updatedAt: string
  /** Blogs: a member or staff account (depth 0). */
  author?: { relationTo: string; value: unknown } | null
  /** Interviews: a member id (depth 0). */
  interviewee?: unknown
  /** Evaluation reports: the PDF's id (depth 0). */
  reportFile?: unknown
  authorsOrganisation?: string | null
}

/** What the one batched look-up per feed found: public names and public PDFs by key. */
export type FeedLookups = {
  /** `<collection>:<id>` → name, for names the public may read. */
  names: ReadonlyMap<string, string>
  /** Media id → the file's absolute URL, size and type, for files the public may read. */
  files: ReadonlyMap<string, { url: string; length: number; type: string }>
}

/** The key of a related document in `FeedLookups` (ids as strings: SQLite/PostgreSQL numbers). */
export const relationKey = (collection: string, id: unknown): string =>
  `${collection}:${String(typeof id === 'object' && id && 'id' in id ? id.id : id)}`

const TOPIC_LABELS = new Map<string, string>(TOPICS.map((topic) => [topic.value, topic.label]))

/** The stable id of an item: a `tag:` URI that no change of slug or title alters. */
export const feedEntryId = (host: string, collection: string, id: number | string): string =>
  `tag:${host},2026:${collection}/${String(id)}`

/**
 * A feed item from a document and the look-ups: the byline is a public name only (a blog's member
 * author or an interviewee who left the directory has none), never an email address.
 */
export const toFeedEntry = (
  collection: FeedCollection,
  doc: FeedDocument,
  lookups: FeedLookups,
  host: string,
): FeedEntry => {
  const categories = (doc.topics ?? []).map((topic) => TOPIC_LABELS.get(topic) ?? topic)
  const published = new Date(doc.publishedAt ?? doc.publishedDate ?? doc.createdAt)
  const base = {
    id: feedEntryId(host, collection, doc.id),
    title: doc.title,
    link: frontendDocumentURL(collection, { id: doc.id, slug: doc.slug }),
    categories,
    published,
    updated: new Date(doc.updatedAt),
  }
  const entry = (summary: string | null | undefined, authorName: string | null | undefined) => ({
    ...base,
    ...(summary ? { summary } : {}),
    ...(authorName ? { authorName } : {}),
  })
  switch (collection) {
    case 'blogs':
      return entry(
        doc.excerpt,
        doc.author
          ? lookups.names.get(relationKey(doc.author.relationTo, doc.author.value))
          : undefined,
      )
    case 'interviews':
      return entry(
        doc.summary,
        doc.interviewee ? lookups.names.get(relationKey('members', doc.interviewee)) : undefined,
      )
    case 'evaluation-reports': {
      const file = doc.reportFile
        ? lookups.files.get(relationKey('media', doc.reportFile))
        : undefined
      return {
        ...entry(doc.summary, doc.authorsOrganisation),
        ...(file ? { enclosure: file } : {}),
      }
    }
  }
}
