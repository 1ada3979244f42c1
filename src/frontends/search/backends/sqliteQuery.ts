import { type SQL, sql } from 'drizzle-orm'

import { MARK_END, MARK_START, type SearchableCollection, WEIGHTS } from '../constants'
import { type ParsedQuery, toFts5Match } from '../rules/query'
import { filterSQL } from './sharedSql'
import { type SearchFilters, type SearchHit, type SearchPage, topicsFromColumn } from './types'

/** What a search reads with: drizzle's libsql database (the benchmark opens the file with it too). */
export type SqliteReader = { all: <T = Record<string, unknown>>(query: SQL) => Promise<T[]> }

const SNIPPET_TOKENS = 24

const bm25 = sql.raw(`bm25(search_fts, ${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.body})`)
const RANK = `bm25(${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.body})`

type HitRow = {
  collection: SearchableCollection
  docId: string
  slug: string | null
  title: string
  date: string | null
  topics: string
  region: string | null
  score: number
  snippet: string | null
}

/** One page of FTS5 results, ranked by bm25 with column weights, and the number of matches. */
export const sqliteSearch = async (
  db: SqliteReader,
  query: ParsedQuery,
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<SearchPage> => {
  const match = toFts5Match(query)
  const where = filterSQL(filters)
  // Unfiltered, the FTS5 table alone ranks (its own `rank` column, configured to the weights);
  // filtered, CROSS JOIN keeps the full-text match as the outer loop (otherwise SQLite walks the
  // filtered rows and runs the whole MATCH once per row).
  const matches = where
    ? sql`SELECT search_fts.rowid AS rid, ${bm25} AS rank
        FROM search_fts CROSS JOIN search_documents d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${match} AND ${where}`
    : sql`SELECT rowid AS rid, rank FROM search_fts
        WHERE search_fts MATCH ${match} AND rank MATCH ${RANK}`
  // Rank every match, then make snippets for the page's rows only (a snippet re-reads the text).
  const rows = await db.all<HitRow>(sql`
    WITH ranked AS (${matches} ORDER BY rank LIMIT ${limit} OFFSET ${offset})
    SELECT d.collection, d.doc_id AS "docId", d.slug, d.title, d.date, d.topics, d.region,
      -ranked.rank AS score,
      snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM ranked
    CROSS JOIN search_fts ON search_fts.rowid = ranked.rid
    CROSS JOIN search_documents d ON d.id = ranked.rid
    WHERE search_fts MATCH ${match}
    ORDER BY ranked.rank, d.id`)
  // A short page is the last one: its total is known without counting.
  let total = offset + rows.length
  if (rows.length === limit || (rows.length === 0 && offset > 0))
    total = (
      await db.all<{ n: number }>(
        where
          ? sql`SELECT count(*) AS n
              FROM search_fts CROSS JOIN search_documents d ON d.id = search_fts.rowid
              WHERE search_fts MATCH ${match} AND ${where}`
          : sql`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`,
      )
    )[0].n
  const hits: SearchHit[] = rows.map((row) => ({
    collection: row.collection,
    docId: row.docId,
    slug: row.slug,
    title: row.title,
    date: row.date,
    topics: topicsFromColumn(row.topics),
    region: row.region,
    score: row.score,
    marked: row.snippet ?? '',
  }))
  return { hits, total }
}
