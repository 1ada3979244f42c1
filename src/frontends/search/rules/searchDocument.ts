import { SLUGS } from '@collections/slugs'

import type { SearchableCollection } from '../constants'
import { lexicalToPlainText, withoutMarkers } from './plainText'

/** One row of the search index: public text and filter values only. */
export type SearchDocument = {
  collection: SearchableCollection
  docId: string
  slug: string | null
  title: string
  summary: string
  body: string
  /** ISO 8601 (UTC) date the date filters and results use, or null. */
  date: string | null
  topics: string[]
  region: string | null
  /** The source document's `updatedAt`: a rebuild never overwrites a newer row. */
  updatedAt: string | null
}

type SourceDoc = { id: number | string; [field: string]: unknown }

const text = (value: unknown): string =>
  typeof value === 'string' ? withoutMarkers(value).trim() : ''

const isoDate = (value: unknown): string | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

const findings = (value: unknown): string =>
  Array.isArray(value)
    ? value
        .map((row) =>
          typeof row === 'object' && row !== null ? text(Reflect.get(row, 'finding')) : '',
        )
        .filter(Boolean)
        .join('\n')
    : ''

/** Which fields of each collection are searched, and which date its results carry. */
const PARTS: Record<
  SearchableCollection,
  (doc: SourceDoc) => Pick<SearchDocument, 'summary' | 'body' | 'date' | 'topics' | 'region'>
> = {
  [SLUGS.blogs]: (doc) => ({
    summary: text(doc.excerpt),
    body: lexicalToPlainText(doc.content),
    date: isoDate(doc.publishedAt),
    topics: strings(doc.topics),
    region: null,
  }),
  [SLUGS.interviews]: (doc) => ({
    summary: [text(doc.summary), text(doc.intervieweeRole)].filter(Boolean).join('\n'),
    body: lexicalToPlainText(doc.content),
    date: isoDate(doc.publishedAt),
    topics: [],
    region: null,
  }),
  // Never `onlineUrl` (members only) nor capacity or registration links: only public prose.
  [SLUGS.events]: (doc) => ({
    summary: [text(doc.summary), text(doc.location)].filter(Boolean).join('\n'),
    body: lexicalToPlainText(doc.description),
    date: isoDate(doc.startsAt),
    topics: [],
    region: typeof doc.region === 'string' ? doc.region : null,
  }),
  // A theme runs for its year: it is dated 1 January of that year.
  [SLUGS.labThemes]: (doc) => ({
    summary: text(doc.summary),
    body: lexicalToPlainText(doc.content),
    date: typeof doc.year === 'number' ? isoDate(`${doc.year}-01-01T00:00:00.000Z`) : null,
    topics: [],
    region: null,
  }),
  [SLUGS.evaluationReports]: (doc) => ({
    summary: [text(doc.summary), text(doc.authorsOrganisation)].filter(Boolean).join('\n'),
    body: findings(doc.keyFindings),
    date: isoDate(doc.publishedDate),
    topics: [],
    region: null,
  }),
}

/** The index row of a document as it is published (the caller decides that it is). */
export const toSearchDocument = <D extends { id: number | string }>(
  collection: SearchableCollection,
  source: D,
): SearchDocument => {
  // Generated document types are interfaces (no index signature): read them as plain records.
  const doc: SourceDoc = { ...Object.fromEntries(Object.entries(source)), id: source.id }
  return {
    collection,
    docId: String(doc.id),
    slug: typeof doc.slug === 'string' && doc.slug ? doc.slug : null,
    title: text(doc.title),
    ...PARTS[collection](doc),
    updatedAt: isoDate(doc.updatedAt),
  }
}

/** Collections whose documents are public only once published (the others are public when saved). */
export const isPublishedDoc = (hasDrafts: boolean, doc: { _status?: unknown }): boolean =>
  !hasDrafts || doc._status === 'published'
