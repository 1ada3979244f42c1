import type { MigrateUpArgs } from '@payloadcms/db-postgres'
import { type SQL, sql } from 'drizzle-orm'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { up } from '@/migrations/postgres/20261128_030000_search_index'

import { MARK_END, MARK_START, type SearchableCollection, WEIGHTS } from '../constants'
import { type ParsedQuery, toTsQuery } from '../rules/query'
import { candidatesSQL, filterSQL, indexWriter } from './sharedSql'
import { type SearchBackend, type SearchHit, topicsFromColumn } from './types'

/** The part of drizzle's node-postgres database (or transaction) used here. */
export type PostgresDb = {
  execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>
  transaction: <T>(work: (tx: PostgresDb) => Promise<T>) => Promise<T>
}

/** ts_rank_cd's weights for D, C (body), B (summary), A (title), scaled like SQLite's bm25 weights. */
const RANK_WEIGHTS = `{0, ${WEIGHTS.body / WEIGHTS.title}, ${WEIGHTS.summary / WEIGHTS.title}, 1}`

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** PostgreSQL: a stored weighted tsvector under GIN, `ts_rank_cd`, `ts_headline`, `:*` prefixes. */
export const postgresBackend = (
  payload: Payload,
  base: PostgresDb,
  dbFor: (req: PayloadRequest | undefined) => Promise<PostgresDb>,
): SearchBackend => ({
  dialect: 'postgres',
  ensureSchema: async () => {
    const req = await createLocalReq({}, payload)
    // `base` is the adapter's own drizzle instance, typed here only by the calls this file makes;
    // the migration takes it under the adapter's full type.
    const args: MigrateUpArgs = { db: base as unknown as MigrateUpArgs['db'], payload, req }
    await up(args)
  },
  write: async (req, work) => {
    const db = await dbFor(req)
    await db.transaction((tx) => work(indexWriter((statement) => tx.execute(statement))))
  },
  keys: async () =>
    (await base.execute(sql`SELECT collection, doc_id FROM search_documents`)).rows.map((row) => ({
      collection: String(row.collection),
      docId: String(row.doc_id),
    })),
  clearVocabulary: async () => {
    await base.execute(sql`DELETE FROM search_terms`)
  },
  count: async () =>
    Number((await base.execute(sql`SELECT count(*) AS n FROM search_documents`)).rows[0]?.n ?? 0),
  search: async (query: ParsedQuery, filters, limit, offset) => {
    const filtered = filterSQL(filters)
    const where = filtered ? sql` AND ${filtered}` : sql``
    // Rank every match, then make headlines for the page's rows only (a headline re-parses the text).
    const { rows } = await base.execute(sql`
      WITH q AS (SELECT to_tsquery('english', ${toTsQuery(query)}) AS query),
      ranked AS (
        SELECT d.collection, d.doc_id, d.slug, d.title, d.summary, d.body, d.date, d.topics,
          d.region, ts_rank_cd(${RANK_WEIGHTS}::float4[], d.search_vector, q.query) AS score,
          count(*) OVER () AS total
        FROM search_documents d, q
        WHERE d.search_vector @@ q.query ${where}
        ORDER BY score DESC, d.collection, d.doc_id LIMIT ${limit} OFFSET ${offset}
      )
      SELECT ranked.*, ts_headline('english',
          translate(ranked.title || E'\n' || ranked.summary || E'\n' || ranked.body, '<>', '  '), q.query,
          ${HEADLINE_OPTIONS}) AS snippet
      FROM ranked, q
      ORDER BY ranked.score DESC, ranked.collection, ranked.doc_id`)
    let total = rows.length ? Number(rows[0].total) : 0
    if (rows.length === 0 && offset > 0)
      total = Number(
        (
          await base.execute(sql`SELECT count(*) AS n FROM search_documents d
            WHERE d.search_vector @@ to_tsquery('english', ${toTsQuery(query)}) ${where}`)
        ).rows[0].n,
      )
    const hits: SearchHit[] = rows.map((row) => ({
      collection: String(row.collection) as SearchableCollection,
      docId: String(row.doc_id),
      slug: asString(row.slug),
      title: String(row.title),
      date: asString(row.date),
      topics: topicsFromColumn(row.topics),
      region: asString(row.region),
      score: Number(row.score),
      marked: asString(row.snippet) ?? '',
    }))
    return { hits, total }
  },
  candidates: async (range) =>
    (await base.execute(candidatesSQL(range))).rows.map((row) => String(row.term)),
})
