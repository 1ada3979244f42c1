import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { dropSearchIndexBeforePush, SEARCH_TABLES_FILTER } from '../frontends/search/pushGuard'
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

/** How long a SQLite writer waits for another process's write lock (see keepSqliteBusyTimeout.ts). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000

/** How much of the SQLite file each connection reads through memory mapping (a limit, not an allocation). */
export const SQLITE_MMAP_BYTES = 256 * 1024 * 1024

/** The committed migrations for the database a URL selects (MongoDB has none). */
export const migrationsFor = (url: string) => {
  const kind = databaseKindFromURL(url)
  return kind === 'sqlite' ? sqliteMigrations : kind === 'postgres' ? postgresMigrations : undefined
}

/** Set by the CLI scripts, which apply migrations themselves (src/scripts/openScriptPayload.ts). */
export const CLI_SCRIPT_ENV = 'Q_CLI_SCRIPT'

/**
 * The committed migrations are applied on connect in production, except in a CLI script. Read
 * through getters below: the adapter reads them when Payload starts, after the script said what it is.
 */
const migrateOnConnect = () => process.env[CLI_SCRIPT_ENV] !== 'true'

/**
 * SQLite and PostgreSQL push the schema in development and apply the committed migrations on
 * start in production (`prodMigrations`); MongoDB needs neither.
 */
export const databaseAdapterFromURL = (url: string): DatabaseAdapterObj => {
  switch (databaseKindFromURL(url)) {
    case 'sqlite':
      ensureSqliteDirectory(url)
      return dropSearchIndexBeforePush(
        sqliteAdapter({
          client: { url },
          // Write-ahead logging: readers do not wait for a writer, and a commit needs no full journal
          // sync (NORMAL keeps the database consistent after a crash; a power cut may lose the last
          // commits). A second process (npm run digest, import) waits for a lock instead of failing.
          wal: { synchronous: 'NORMAL' },
          busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
          migrationDir: 'src/migrations/sqlite',
          get prodMigrations() {
            return migrateOnConnect() ? sqliteMigrations : undefined
          },
        }),
      )
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url },
        migrationDir: 'src/migrations/postgres',
        // The search index's tables are hand-written SQL: a development push must leave them alone.
        tablesFilter: SEARCH_TABLES_FILTER,
        get prodMigrations() {
          return migrateOnConnect() ? postgresMigrations : undefined
        },
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}
