import { createClient } from '@libsql/client'
import pg from 'pg'

/** One stored value: its table, column and the whole row it is in. */
export type Cell = { table: string; column: string; value: unknown; row: Record<string, unknown> }

/** A column holding a foreign key to `references` (e.g. `comments.author_id` → `members`). */
export type ReferencingColumn = { table: string; column: string }

const withSqlite = async <T>(
  url: string,
  work: (client: ReturnType<typeof createClient>) => Promise<T>,
) => {
  const client = createClient({ url })
  try {
    return await work(client)
  } finally {
    client.close()
  }
}

const withPostgres = async <T>(url: string, work: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const SQLITE_TABLES = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
const POSTGRES_TABLES = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`

/**
 * Every cell of every table of the database a server uses (SQLite `file:` URLs or PostgreSQL),
 * read straight from the database: what no API shows is still found here.
 */
export const readAllCells = async (databaseURL: string): Promise<Cell[]> => {
  const cells: Cell[] = []
  const collect = (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) cells.push({ table, column, value, row })
  }
  if (databaseURL.startsWith('file:'))
    await withSqlite(databaseURL, async (client) => {
      for (const { name } of (await client.execute(SQLITE_TABLES)).rows) {
        const result = await client.execute(`SELECT * FROM "${String(name)}"`)
        collect(
          String(name),
          result.rows.map((row) =>
            Object.fromEntries(result.columns.map((column) => [column, row[column]])),
          ),
        )
      }
    })
  else
    await withPostgres(databaseURL, async (client) => {
      const tables = await client.query<{ table_name: string }>(POSTGRES_TABLES)
      for (const { table_name: table } of tables.rows)
        collect(
          table,
          (await client.query<Record<string, unknown>>(`SELECT * FROM "${table}"`)).rows,
        )
    })
  return cells
}

/** Every column with a foreign key to the table `references`, from the database's own catalogue. */
export const readReferencingColumns = async (
  databaseURL: string,
  references: string,
): Promise<ReferencingColumn[]> => {
  if (databaseURL.startsWith('file:'))
    return withSqlite(databaseURL, async (client) => {
      const found: ReferencingColumn[] = []
      for (const { name } of (await client.execute(SQLITE_TABLES)).rows) {
        const keys = await client.execute(`PRAGMA foreign_key_list("${String(name)}")`)
        for (const key of keys.rows)
          if (key.table === references)
            found.push({ table: String(name), column: String(key.from) })
      }
      return found
    })
  return withPostgres(databaseURL, async (client) => {
    const result = await client.query<{ table_name: string; column_name: string }>(
      `SELECT kcu.table_name, kcu.column_name
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
         JOIN information_schema.constraint_column_usage ccu
           ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND ccu.table_name = $1`,
      [references],
    )
    return result.rows.map((row) => ({ table: row.table_name, column: row.column_name }))
  })
}
