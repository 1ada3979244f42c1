import { createClient, type InValue } from '@libsql/client'
import pg from 'pg'

/**
 * Runs one statement straight on a test server's database, SQLite or PostgreSQL, for a state the
 * API rightly refuses to write (a decision moved back in time). `?` placeholders on both.
 */
export const runSql = async (databaseURL: string, sql: string, args: InValue[]): Promise<void> => {
  if (databaseURL.startsWith('file:')) {
    const client = createClient({ url: databaseURL })
    try {
      await client.execute({ sql, args })
    } finally {
      client.close()
    }
    return
  }
  let index = 0
  const client = new pg.Client({ connectionString: databaseURL })
  await client.connect()
  try {
    await client.query(
      sql.replace(/\?/g, () => `$${++index}`),
      args,
    )
  } finally {
    await client.end()
  }
}
