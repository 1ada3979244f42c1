import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

/**
 * The SQL adapters' own drizzle instance and tables, for the network's bulk reads and writes: the
 * Local API runs every document through hooks and field transforms, which costs seconds per
 * ten thousand rows (and holds the event loop while it does). The query builder is the same for
 * the SQLite and PostgreSQL dialects; MongoDB has none, and callers fall back to the Local API.
 */
export type Column = object
export type Row = Record<string, unknown>
export type Table = Record<string, Column>

/** A select that may be narrowed, ordered and limited, and is awaited for its rows. */
export type SelectQuery = PromiseLike<Row[]> & {
  where: (where: SQL | undefined) => SelectQuery
  orderBy: (...columns: (Column | SQL)[]) => SelectQuery
  limit: (limit: number) => SelectQuery
}

/** The part of drizzle's query builder used here (the same for SQLite and PostgreSQL). */
/** A statement that can be awaited, or turned into SQL text and parameters for another connection. */
export type Buildable<T> = PromiseLike<T> & { toSQL: () => { sql: string; params: unknown[] } }

export type Drizzle = {
  select: (fields: Record<string, Column>) => { from: (table: object) => SelectQuery }
  insert: (table: object) => {
    values: (rows: Row[]) => { returning: (fields: Record<string, Column>) => Buildable<Row[]> }
  }
  delete: (table: object) => { where: (where: SQL | undefined) => Buildable<unknown> }
  transaction: <T>(work: (tx: Drizzle) => Promise<T>) => Promise<T>
}

type DrizzleAdapter = {
  drizzle: Drizzle
  tables: Record<string, Table>
  tableNameMap: Map<string, string>
  name?: string
}

export type SqlAccess = {
  drizzle: Drizzle
  /** The drizzle table of a collection (or of one of its array/hasMany fields, e.g. `members_interests`). */
  table: (name: string) => Table
  dialect: 'sqlite' | 'postgres'
}

const isDrizzleAdapter = (db: object): db is DrizzleAdapter =>
  'drizzle' in db && 'tables' in db && 'tableNameMap' in db

/** The adapter's drizzle access, or null on MongoDB. */
export const sqlAccess = (payload: Payload): SqlAccess | null => {
  const db: object = payload.db
  if (!isDrizzleAdapter(db)) return null
  return {
    drizzle: db.drizzle,
    table: (name) => {
      const table = db.tables[db.tableNameMap.get(name) ?? name]
      if (!table) throw new Error(`no table ${name} in the database schema`)
      return table
    },
    dialect: payload.db.name === 'sqlite' ? 'sqlite' : 'postgres',
  }
}

/** A column of a table, typed for drizzle's operators (`eq`, `gt`, `inArray`, …). */
export const column = <C>(table: Table, name: string): C => {
  const found = table[name]
  if (!found) throw new Error(`no column ${name}`)
  return found as C
}
