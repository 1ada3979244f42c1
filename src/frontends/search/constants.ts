import { PUBLIC_PAGE_COLLECTIONS } from '@collections/slugs'

/** The collections search covers: every collection with public pages. */
export const SEARCHABLE_COLLECTIONS = PUBLIC_PAGE_COLLECTIONS

export type SearchableCollection = (typeof SEARCHABLE_COLLECTIONS)[number]

export const isSearchableCollection = (slug: string): slug is SearchableCollection =>
  (SEARCHABLE_COLLECTIONS as readonly string[]).includes(slug)

export const SEARCH_PATH = '/search'

/** Query limits: a longer query is a paste or an attack, not a search. */
export const MAX_QUERY_LENGTH = 200
export const MAX_QUERY_WORDS = 20
export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50
/** Deep pages cost a sort of every match and nobody reads them: refine the query instead. */
export const MAX_PAGE = 100
/** The last word is matched as a prefix (as-you-type) when it has at least this many letters. */
export const MIN_PREFIX_LENGTH = 3

/**
 * Highlight markers the database puts around matches (private-use characters, removed from indexed
 * text), turned into `<mark>` only after the snippet is HTML-escaped.
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

/** Words kept in the vocabulary that typo correction picks from. */
export const MIN_TERM_LENGTH = 3
export const MAX_TERM_LENGTH = 24

/** Relative weights of a match in the title, the summary and the body. */
export const WEIGHTS = { title: 10, summary: 4, body: 1 } as const

/** The tables of the search index (hand-written SQL; not Payload collections). */
export const SEARCH_TABLES = {
  documents: 'search_documents',
  fts: 'search_fts',
  terms: 'search_terms',
} as const

export const MONGODB_UNSUPPORTED =
  'Search needs SQLite or PostgreSQL full-text search; this server runs on MongoDB.'
