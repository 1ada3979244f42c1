import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The search index (src/frontends/search): hand-written SQL, not a Payload collection, so it has
 * no snapshot. Idempotent (IF NOT EXISTS): the host also runs `up` on start (after a development
 * schema push, which leaves these tables alone through the adapter's `tablesFilter`). No serial column: drizzle's push
 * would see its sequence and propose to drop it.
 *
 * `search_documents` holds the public text of each published document and its filter values, with
 * a stored tsvector (title weighted A, summary B, body C; English stemming) under a GIN index;
 * PostgreSQL's parser reads `<…>` as markup and skips it: angle brackets are read as spaces, so
 * text that looks like a tag is searchable as the words it is. `search_terms` is the vocabulary typo correction picks from (byte order, for prefix ranges).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS search_documents (
    collection varchar NOT NULL,
    doc_id varchar NOT NULL,
    slug varchar,
    title text NOT NULL,
    summary text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    date varchar,
    topics varchar NOT NULL DEFAULT '',
    region varchar,
    updated_at varchar,
    search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', translate(title, '<>', '  ')), 'A') ||
      setweight(to_tsvector('english', translate(summary, '<>', '  ')), 'B') ||
      setweight(to_tsvector('english', translate(body, '<>', '  ')), 'C')
    ) STORED,
    PRIMARY KEY (collection, doc_id)
  );
  CREATE INDEX IF NOT EXISTS search_documents_vector_idx ON search_documents USING gin (search_vector);
  CREATE TABLE IF NOT EXISTS search_terms (term varchar COLLATE "C" PRIMARY KEY);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS search_documents;
  DROP TABLE IF EXISTS search_terms;`)
}
