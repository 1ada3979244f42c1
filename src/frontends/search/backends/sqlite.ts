import type { MigrateUpArgs } from '@payloadcms/db-sqlite'
import { type SQL, sql } from 'drizzle-orm'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { up } from '@/migrations/sqlite/20261128_020000_search_index'

import { MARK_END, MARK_START, type SearchableCollection, WEIGHTS } from '../constants'
import { type ParsedQuery, toFts5Match } from '../rules/query'
import type { SearchDocument } from '../rules/searchDocument'
import { vocabularyOf } from '../rules/typos'
import {
  nextLetter,
  type SearchBackend,
  type SearchFilters,
  type SearchHit,
  topicsColumn,
  topicsFromColumn,
} from './types'

/** The part of drizzle's libsql database (or transaction) used here. */
export type SqliteDb = {
  run: (query: SQL) => Promise<unknown>
  all: <T = Record<string, unknown>>(query: SQL) => Promise<T[]>
  transaction: <T>(work: (tx: SqliteDb) => Promise<T>) => Promise<T>
}

const TERMS_PER_INSERT = 400
const SNIPPET_TOKENS = 24

const filterSQL = (filters: SearchFilters): SQL => {
  const parts: SQL[] = [
    sql`d.collection IN (${sql.join(
      filters.collections.map((name) => sql`${name}`),
      sql`, `,
    )})`,
  ]
  if (filters.topic) parts.push(sql`d.topics LIKE ${`%,${filters.topic},%`}`)
  if (filters.region) parts.push(sql`d.region = ${filters.region}`)
  if (filters.from) parts.push(sql`d.date >= ${filters.from}`)
  if (filters.until) parts.push(sql`d.date < ${filters.until}`)
  return sql.join(parts, sql` AND `)
}

const bm25 = sql.raw(`bm25(search_fts, ${WEIGHTS.title}, ${WEIGHTS.summary}, ${WEIGHTS.body})`)

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

const insertTerms = async (db: SqliteDb, doc: SearchDocument) => {
  const terms = vocabularyOf(doc.title, doc.summary, doc.body)
  for (let i = 0; i < terms.length; i += TERMS_PER_INSERT) {
    const values = terms.slice(i, i + TERMS_PER_INSERT).map((term) => sql`(${term})`)
    await db.run(
      sql`INSERT INTO search_terms (term) VALUES ${sql.join(values, sql`, `)} ON CONFLICT DO NOTHING`,
    )
  }
}

const upsert = async (db: SqliteDb, doc: SearchDocument, { onlyIfNewer = false } = {}) => {
  const newer = onlyIfNewer
    ? sql`WHERE search_documents.updated_at IS NULL OR excluded.updated_at >= search_documents.updated_at`
    : sql``
  await db.run(sql`INSERT INTO search_documents
    (collection, doc_id, slug, title, summary, body, date, topics, region, updated_at)
    VALUES (${doc.collection}, ${doc.docId}, ${doc.slug}, ${doc.title}, ${doc.summary}, ${doc.body},
      ${doc.date}, ${topicsColumn(doc.topics)}, ${doc.region}, ${doc.updatedAt})
    ON CONFLICT (collection, doc_id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
      summary = excluded.summary, body = excluded.body, date = excluded.date,
      topics = excluded.topics, region = excluded.region, updated_at = excluded.updated_at
    ${newer}`)
  await insertTerms(db, doc)
}
const remove = async (db: SqliteDb, collection: SearchableCollection, docId: string) => {
  await db.run(
    sql`DELETE FROM search_documents WHERE collection = ${collection} AND doc_id = ${docId}`,
  )
}

/** SQLite FTS5: bm25 with column weights, `snippet()`, prefix queries (`"word"*`). */
export const sqliteBackend = (
  payload: Payload,
  base: SqliteDb,
  dbFor: (req: PayloadRequest | undefined) => Promise<SqliteDb>,
): SearchBackend => ({
  dialect: 'sqlite',
  ensureSchema: async () => {
    const req = await createLocalReq({}, payload)
    const args: MigrateUpArgs = { db: base as unknown as MigrateUpArgs['db'], payload, req }
    await up(args)
  },
  dropSchema: async () => {
    await base.run(sql`DROP TABLE IF EXISTS search_fts`)
    await base.run(sql`DROP TABLE IF EXISTS search_documents`)
    await base.run(sql`DROP TABLE IF EXISTS search_terms`)
  },
  write: async (req, work) => {
    const db = await dbFor(req)
    await db.transaction((tx) =>
      work({
        upsert: (doc, options) => upsert(tx, doc, options),
        remove: (collection, docId) => remove(tx, collection, docId),
      }),
    )
  },
  keys: () =>
    base.all<{ collection: string; docId: string }>(
      sql`SELECT collection, doc_id AS "docId" FROM search_documents`,
    ),
  clearVocabulary: async () => {
    await base.run(sql`DELETE FROM search_terms`)
  },
  count: async () =>
    (await base.all<{ n: number }>(sql`SELECT count(*) AS n FROM search_documents`))[0]?.n ?? 0,
  search: async (query: ParsedQuery, filters, limit, offset) => {
    const match = toFts5Match(query)
    const where = filterSQL(filters)
    // Rank every match, then make snippets for the page's rows only (a snippet re-reads the text).
    const rows = await base.all<HitRow>(sql`
      WITH ranked AS (
        SELECT search_fts.rowid AS rid, ${bm25} AS rank
        FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${match} AND ${where}
        ORDER BY rank LIMIT ${limit} OFFSET ${offset}
      )
      SELECT d.collection, d.doc_id AS "docId", d.slug, d.title, d.date, d.topics, d.region,
        -ranked.rank AS score,
        snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
      FROM ranked
      JOIN search_fts ON search_fts.rowid = ranked.rid
      JOIN search_documents d ON d.id = ranked.rid
      WHERE search_fts MATCH ${match}
      ORDER BY ranked.rank, d.id`)
    let total = offset + rows.length
    if (rows.length === limit || (rows.length === 0 && offset > 0))
      total = (
        await base.all<{ n: number }>(sql`SELECT count(*) AS n
          FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
          WHERE search_fts MATCH ${match} AND ${where}`)
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
  },
  candidates: async ({ firstLetters, minLength, maxLength }) => {
    const ranges = firstLetters.map(
      (letter) => sql`(term >= ${letter} AND term < ${nextLetter(letter)})`,
    )
    const rows = await base.all<{ term: string }>(sql`SELECT term FROM search_terms
      WHERE (${sql.join(ranges, sql` OR `)}) AND length(term) BETWEEN ${minLength} AND ${maxLength}`)
    return rows.map((row) => row.term)
  },
})
