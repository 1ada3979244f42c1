import { type SQL, sql } from 'drizzle-orm'

import type { SearchableCollection } from '../constants'
import { SEARCHABLE_COLLECTIONS } from '../constants'
import type { SearchDocument } from '../rules/searchDocument'
import { vocabularyOf } from '../rules/typos'
import { type IndexWriter, type SearchFilters, topicsColumn } from './types'

/** The SQL both dialects share (drizzle's `sql` binds every value as a parameter). */

const TERMS_PER_INSERT = 400

/** The filters as SQL on `d` (search_documents), or null when they let every document through. */
export const filterSQL = (filters: SearchFilters): SQL | null => {
  const parts: SQL[] = []
  if (filters.collections.length < SEARCHABLE_COLLECTIONS.length)
    parts.push(
      sql`d.collection IN (${sql.join(
        filters.collections.map((name) => sql`${name}`),
        sql`, `,
      )})`,
    )
  if (filters.topic) parts.push(sql`d.topics LIKE ${`%,${filters.topic},%`}`)
  if (filters.region) parts.push(sql`d.region = ${filters.region}`)
  if (filters.from) parts.push(sql`d.date >= ${filters.from}`)
  if (filters.until) parts.push(sql`d.date < ${filters.until}`)
  return parts.length ? sql.join(parts, sql` AND `) : null
}

/**
 * The statements that index one document: its row (replaced in place; with `onlyIfNewer` only by
 * a copy at least as new) and its words in the vocabulary.
 */
export const upsertStatements = (doc: SearchDocument, onlyIfNewer: boolean): SQL[] => {
  const newer = onlyIfNewer
    ? sql`WHERE search_documents.updated_at IS NULL OR excluded.updated_at >= search_documents.updated_at`
    : sql``
  const terms = vocabularyOf(doc.title, doc.summary, doc.body)
  const vocabulary: SQL[] = []
  for (let i = 0; i < terms.length; i += TERMS_PER_INSERT) {
    const values = terms.slice(i, i + TERMS_PER_INSERT).map((term) => sql`(${term})`)
    vocabulary.push(
      sql`INSERT INTO search_terms (term) VALUES ${sql.join(values, sql`, `)} ON CONFLICT DO NOTHING`,
    )
  }
  return [
    sql`INSERT INTO search_documents
      (collection, doc_id, slug, title, summary, body, date, topics, region, updated_at)
      VALUES (${doc.collection}, ${doc.docId}, ${doc.slug}, ${doc.title}, ${doc.summary}, ${doc.body},
        ${doc.date}, ${topicsColumn(doc.topics)}, ${doc.region}, ${doc.updatedAt})
      ON CONFLICT (collection, doc_id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
        summary = excluded.summary, body = excluded.body, date = excluded.date,
        topics = excluded.topics, region = excluded.region, updated_at = excluded.updated_at
      ${newer}`,
    ...vocabulary,
  ]
}

export const removeStatement = (collection: string, docId: string): SQL =>
  sql`DELETE FROM search_documents WHERE collection = ${collection} AND doc_id = ${docId}`

/** Vocabulary words in the candidate range of a word (see rules/typos.ts `candidateRange`). */
export const candidatesSQL = ({
  firstLetters,
  minLength,
  maxLength,
}: {
  firstLetters: string[]
  minLength: number
  maxLength: number
}): SQL => {
  const ranges = firstLetters.map(
    (letter) =>
      sql`(term >= ${letter} AND term < ${String.fromCodePoint((letter.codePointAt(0) ?? 0) + 1)})`,
  )
  return sql`SELECT term FROM search_terms
    WHERE (${sql.join(ranges, sql` OR `)}) AND length(term) BETWEEN ${minLength} AND ${maxLength}`
}

/** Index writes through one dialect's statement runner (`run` on SQLite, `execute` on PostgreSQL). */
export const indexWriter = (exec: (statement: SQL) => Promise<unknown>): IndexWriter => ({
  upsert: async (doc, { onlyIfNewer = false } = {}) => {
    for (const statement of upsertStatements(doc, onlyIfNewer)) await exec(statement)
  },
  remove: async (collection: SearchableCollection, docId) => {
    await exec(removeStatement(collection, docId))
  },
})
