import type { MigrateUpArgs } from '@payloadcms/db-sqlite'
import { type SQL, sql } from 'drizzle-orm'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { up } from '@/migrations/sqlite/20261128_030000_search_index'

import { candidatesSQL, indexWriter } from './sharedSql'
import { sqliteSearch } from './sqliteQuery'
import type { SearchBackend } from './types'

/** The part of drizzle's libsql database (or transaction) used here. */
export type SqliteDb = {
  run: (query: SQL) => Promise<unknown>
  all: <T = Record<string, unknown>>(query: SQL) => Promise<T[]>
  transaction: <T>(work: (tx: SqliteDb) => Promise<T>) => Promise<T>
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
    // `base` is the adapter's own drizzle instance, typed here only by the calls this file makes;
    // the migration takes it under the adapter's full type.
    const args: MigrateUpArgs = { db: base as unknown as MigrateUpArgs['db'], payload, req }
    await up(args)
  },
  write: async (req, work) => {
    const db = await dbFor(req)
    await db.transaction((tx) => work(indexWriter((statement) => tx.run(statement))))
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
  search: (query, filters, limit, offset) => sqliteSearch(base, query, filters, limit, offset),
  candidates: async (range) =>
    (await base.all<{ term: string }>(candidatesSQL(range))).map((row) => row.term),
})
