import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** Which adapter a `DATABASE_URL` selects; throws a clear error for anything else. */
export const databaseKindFromURL = (url: string): DatabaseKind => {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(
    `DATABASE_URL must start with file: (SQLite), postgres:// (PostgreSQL) or mongodb:// (MongoDB); got "${url.split(':')[0]}:…"`,
  )
}

/** libsql creates the database file but not its folder (`./data` on a fresh clone). */
const ensureSqliteDirectory = (url: string) => {
  const file = url.replace(/^file:(\/\/)?/, '').split('?')[0]
  if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/**
 * SQLite and PostgreSQL push the schema in development and apply the committed migrations on
 * start in production (`prodMigrations`); MongoDB needs neither.
 */
export const databaseAdapterFromURL = (url: string): DatabaseAdapterObj => {
  switch (databaseKindFromURL(url)) {
    case 'sqlite':
      ensureSqliteDirectory(url)
      return sqliteAdapter({
        client: { url },
        // Write-ahead logging: readers do not wait for a writer, and a commit needs no full journal
        // sync (NORMAL keeps the database consistent after a crash; a power cut may lose the last
        // commits). A second process (npm run digest, import) waits for a lock instead of failing.
        wal: { synchronous: 'NORMAL' },
        busyTimeout: 5000,
        migrationDir: 'src/migrations/sqlite',
        prodMigrations: sqliteMigrations,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url },
        migrationDir: 'src/migrations/postgres',
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}
