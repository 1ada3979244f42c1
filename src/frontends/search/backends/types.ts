import type { PayloadRequest } from 'payload'

import type { SearchableCollection } from '../constants'
import type { ParsedQuery } from '../rules/query'
import type { SearchDocument } from '../rules/searchDocument'

/** The filters of a search, validated (see rules/params.ts). */
export type SearchFilters = {
  collections: SearchableCollection[]
  topic: string | null
  region: string | null
  /** Inclusive ISO instant. */
  from: string | null
  /** Exclusive ISO instant. */
  until: string | null
}

export type SearchHit = {
  collection: SearchableCollection
  docId: string
  slug: string | null
  title: string
  date: string | null
  topics: string[]
  region: string | null
  /** Higher is better; comparable within one answer only. */
  score: number
  /** The matched text with the database's highlight markers (constants MARK_START/MARK_END). */
  marked: string
}

export type SearchPage = { hits: SearchHit[]; total: number }

/** Writes to the index inside one transaction (see `SearchBackend.write`). */
export type IndexWriter = {
  upsert: (doc: SearchDocument, options?: { onlyIfNewer?: boolean }) => Promise<void>
  remove: (collection: SearchableCollection, docId: string) => Promise<void>
}

/** One database's search index. */
export type SearchBackend = {
  dialect: 'sqlite' | 'postgres'
  /** Creates the index's tables when missing (the committed migration's `up`, idempotent). */
  ensureSchema: () => Promise<void>
  /**
   * Runs `work` in a savepoint of the request's transaction when it has one (the index then
   * commits or rolls back with the content), otherwise in a transaction of its own.
   */
  write: (
    req: PayloadRequest | undefined,
    work: (writer: IndexWriter) => Promise<void>,
  ) => Promise<void>
  /** The `(collection, docId)` keys in the index (for a rebuild to remove what is gone). */
  keys: () => Promise<{ collection: string; docId: string }[]>
  clearVocabulary: () => Promise<void>
  count: () => Promise<number>
  search: (
    query: ParsedQuery,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ) => Promise<SearchPage>
  /** Vocabulary words starting with one of `firstLetters`, of a length in the range. */
  candidates: (range: {
    firstLetters: string[]
    minLength: number
    maxLength: number
  }) => Promise<string[]>
}

/** `topics` is stored as `,a,b,` so one LIKE finds a value in both dialects. */
export const topicsColumn = (topics: string[]): string =>
  topics.length ? `,${topics.join(',')},` : ''

export const topicsFromColumn = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : []
