import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The search index (src/frontends/search): hand-written SQL, not a Payload collection, so it has
 * no snapshot. Idempotent (IF NOT EXISTS): the host also runs `up` on start, after a development
 * schema push (which drops tables it does not know) and before a CLI script migrates.
 *
 * `search_documents` holds the public text of each published document and its filter values;
 * `search_fts` is an FTS5 index over it (external content, kept in step by triggers; Porter
 * stemming, accents folded); `search_terms` is the vocabulary typo correction picks from. The
 * filter columns come before the long text: SQLite reads a row's columns in order, and a body
 * spills onto overflow pages that a filter would otherwise read through.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS search_documents (
    id INTEGER PRIMARY KEY,
    collection TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    slug TEXT,
    date TEXT,
    topics TEXT NOT NULL DEFAULT '',
    region TEXT,
    updated_at TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    UNIQUE (collection, doc_id)
  )`)
  await db.run(sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title, summary, body,
    content='search_documents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  )`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
  END`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
  END`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
    INSERT INTO search_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
  END`)
  await db.run(sql`CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS search_fts`)
  await db.run(sql`DROP TABLE IF EXISTS search_documents`)
  await db.run(sql`DROP TABLE IF EXISTS search_terms`)
}
