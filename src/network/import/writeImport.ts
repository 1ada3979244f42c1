import { SLUGS } from '@collections/slugs'
import { type Config, createClient, type InArgs } from '@libsql/client'
import { type AnyColumn, getTableName, inArray, isTable } from 'drizzle-orm'
import type { Payload } from 'payload'

import { invalidateReadCache } from '../../cache/readCacheState'
import { consentChanges, type ConsentSource } from '../../privacy/consent/consentChanges'
import { column, type Row, type SqlAccess, sqlAccess, type Table } from '../sqlAdapter'
import type { ConnectionRow, MemberRow } from './rows'

/**
 * Rows per insert statement and transaction. Each transaction holds SQLite's one write lock for a
 * few milliseconds to a few tens of milliseconds, far below the ~1 s budget, so comments, logins
 * and other writes get the lock between two batches. (Statement parameters: about 10 per member
 * and 8 per connection, well within SQLite's and PostgreSQL's limits.)
 */
export const IMPORT_BATCH = { members: 250, connections: 1000 }

/** What an import wrote, so that a failure can take exactly that back out. */
type Written = { members: (number | string)[]; connections: (number | string)[] }

export type WriteInput = {
  members: MemberRow[]
  connections: ConnectionRow[]
  /** Ids of the members already in the database, by lower-cased email; the new ones are added. */
  idByEmail: Map<string, number | string>
  batch?: Partial<typeof IMPORT_BATCH>
  /** Called after each batch with the rows written so far. */
  onProgress?: (done: number, total: number) => void
}

/** A write that failed after validation (e.g. another member took an email meanwhile); nothing is left behind. */
export class ImportWriteError extends Error {
  readonly conflict: boolean
  constructor(cause: unknown) {
    const conflict = isConstraintViolation(cause)
    super(
      conflict
        ? 'The database changed while the import was writing (a row it was about to add exists now); nothing was imported. Run the import again.'
        : 'The import could not be written; nothing was imported.',
      { cause },
    )
    this.name = 'ImportWriteError'
    this.conflict = conflict
  }
}

/** SQLite `SQLITE_CONSTRAINT*`, PostgreSQL class 23 (integrity constraint violation), anywhere in the cause chain. */
const isConstraintViolation = (error: unknown): boolean => {
  for (
    let current = error, depth = 0;
    current && typeof current === 'object' && depth < 6;
    depth++
  ) {
    const code = String((current as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve))

const chunks = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = []
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size))
  return out
}

/**
 * Imported members get no password at all (no hash, no salt): Payload refuses every login for
 * such an account until the member sets a password through "forgot password". The import used to
 * give each a random password nobody knew, to the same effect, at the cost of a deliberately slow
 * key derivation per member (about 20 s of CPU for 1,500 members).
 */
const IMPORT_CONSENT_SOURCE: ConsentSource = 'import'

/** The consent records an imported member starts with (the import writes rows, not through hooks). */
const importedConsents = (row: MemberRow) =>
  consentChanges(
    { directoryVisible: row.directoryVisible, networkAnalysis: row.networkAnalysis },
    null,
  )

const memberRow = (
  { line: _line, interests: _interests, ...row }: MemberRow,
  now: string,
): Row => ({ ...row, hash: null, salt: null, loginAttempts: 0, createdAt: now, updatedAt: now })

const connectionRow = (
  row: ConnectionRow,
  idByEmail: Map<string, number | string>,
  now: string,
): Row => ({
  from: idByEmail.get(row.fromEmail),
  to: idByEmail.get(row.toEmail),
  status: 'accepted',
  source: 'import',
  requestedAt: row.acceptedAt,
  acceptedAt: row.acceptedAt,
  createdAt: now,
  updatedAt: now,
})

type Statement = { sql: string; params: unknown[] }

/** How one SQL dialect writes a batch of members or connections, and takes an import back out. */
type SqlWriter = {
  /** Inserts members (and their interests) in one transaction; their new ids by email. */
  members: (rows: MemberRow[], now: string) => Promise<Map<string, number | string>>
  connections: (rows: Row[]) => Promise<(number | string)[]>
  remove: (written: Written) => Promise<void>
  close: () => void
}

const BUSY_RETRY = { firstMs: 10, maxMs: 200, totalMs: 30_000 }

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(
    `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`,
  )

const columnName = (table: Table, name: string) => column<{ name: string }>(table, name).name

/** The SQL name of a table of the adapter's schema (always a drizzle table). */
const tableName = (table: Table): string => {
  if (!isTable(table)) throw new Error('not a drizzle table')
  return getTableName(table)
}

/** The libsql adapter keeps the configuration it connected with; a batch opens a connection of its own. */
const hasLibsqlConfig = (db: object): db is { clientConfig: Config } =>
  'clientConfig' in db && typeof db.clientConfig === 'object' && db.clientConfig !== null

const libsqlClientConfig = (db: object): Config => {
  if (!hasLibsqlConfig(db)) throw new Error('the SQLite adapter has no libsql client configuration')
  return db.clientConfig
}

/**
 * SQLite has one write lock and a synchronous driver, so each batch runs as one synchronous
 * `BEGIN IMMEDIATE … COMMIT` (libsql's `batch`) on a connection of its own: the lock is never held
 * while the event loop turns, and no other request of this process can find the database locked
 * because of the import. When someone else holds the lock (another process, or a Payload
 * transaction awaiting I/O), the batch is tried again a little later rather than waiting
 * synchronously, which would stall the very request that holds the lock. Statements are built by
 * the adapter's drizzle (`toSQL`), so column names and value encodings are Payload's own.
 */
const sqliteWriter = (payload: Payload, sql: SqlAccess): SqlWriter => {
  const client = createClient(libsqlClientConfig(payload.db))
  const run = async (statements: Statement[]) => {
    const started = Date.now()
    for (let waitMs = BUSY_RETRY.firstMs; ; waitMs = Math.min(waitMs * 2, BUSY_RETRY.maxMs)) {
      try {
        const results = await client.batch(
          statements.map((statement) => ({ sql: statement.sql, args: statement.params as InArgs })),
          'write',
        )
        return results.map((result) =>
          result.rows.map((row) =>
            Object.fromEntries(result.columns.map((name, index) => [name, row[index]])),
          ),
        )
      } catch (error) {
        if (!isBusy(error) || Date.now() - started > BUSY_RETRY.totalMs) throw error
        await new Promise((resolve) => setTimeout(resolve, waitMs))
      }
    }
  }
  const members = sql.table(SLUGS.members)
  const interests = sql.table('members_interests')
  const connections = sql.table(SLUGS.connections)
  // The adapter names tables in snake case (as for members_interests).
  const consents = sql.table('consent_records')
  return {
    members: async (rows, now) => {
      const statements: Statement[] = [
        sql.drizzle
          .insert(members)
          .values(rows.map((row) => memberRow(row, now)))
          .returning({ id: column(members, 'id'), email: column(members, 'email') })
          .toSQL(),
      ]
      const interestRows = rows.flatMap((row) =>
        row.interests.map((value, index) => [index + 1, row.email, value]),
      )
      if (interestRows.length > 0) {
        // The new members' ids are not known before the batch runs: join on their (unique) email.
        statements.push({
          sql:
            `INSERT INTO "${tableName(interests)}" ("${columnName(interests, 'order')}", "${columnName(interests, 'parent')}", "${columnName(interests, 'value')}") ` +
            `SELECT v.column1, m."${columnName(members, 'id')}", v.column3 FROM (VALUES ${interestRows.map(() => '(?, ?, ?)').join(', ')}) AS v ` +
            `JOIN "${tableName(members)}" AS m ON m."${columnName(members, 'email')}" = v.column2`,
          params: interestRows.flat(),
        })
      }
      const consentRows = rows.flatMap((row) =>
        importedConsents(row).map((consent) => [
          row.email,
          consent.purpose,
          consent.granted ? 1 : 0,
          consent.wordingVersion,
        ]),
      )
      const consentColumns = [
        'member',
        'purpose',
        'granted',
        'wordingVersion',
        'recordedAt',
        'source',
        'createdAt',
        'updatedAt',
      ]
        .map((name) => `"${columnName(consents, name)}"`)
        .join(', ')
      // The member's consent records in the same transaction, as the members' own save writes them.
      statements.push({
        sql:
          `INSERT INTO "${tableName(consents)}" (${consentColumns}) ` +
          `SELECT m."${columnName(members, 'id')}", v.column2, v.column3, v.column4, ?, ?, ?, ? FROM (VALUES ${consentRows.map(() => '(?, ?, ?, ?)').join(', ')}) AS v ` +
          `JOIN "${tableName(members)}" AS m ON m."${columnName(members, 'email')}" = v.column1`,
        params: [now, IMPORT_CONSENT_SOURCE, now, now, ...consentRows.flat()],
      })
      const [created] = await run(statements)
      return new Map(
        created.map((row) => [String(row.email).toLowerCase(), row.id as number | string]),
      )
    },
    connections: async (rows) => {
      const [created] = await run([
        sql.drizzle
          .insert(connections)
          .values(rows)
          .returning({ id: column(connections, 'id') })
          .toSQL(),
      ])
      return created.map((row) => row.id as number | string)
    },
    remove: async (written) => {
      for (const ids of chunks(written.connections, 1000))
        await run([
          sql.drizzle
            .delete(connections)
            .where(inArray(column<AnyColumn>(connections, 'id'), ids))
            .toSQL(),
        ])
      for (const ids of chunks(written.members, 1000)) {
        await run([
          sql.drizzle
            .delete(consents)
            .where(inArray(column<AnyColumn>(consents, 'member'), ids))
            .toSQL(),
          sql.drizzle
            .delete(interests)
            .where(inArray(column<AnyColumn>(interests, 'parent'), ids))
            .toSQL(),
          sql.drizzle
            .delete(members)
            .where(inArray(column<AnyColumn>(members, 'id'), ids))
            .toSQL(),
        ])
      }
    },
    close: () => client.close(),
  }
}

/** PostgreSQL locks rows, not the database: a transaction per batch on the adapter's pool. */
const postgresWriter = (sql: SqlAccess): SqlWriter => {
  const members = sql.table(SLUGS.members)
  const interests = sql.table('members_interests')
  const connections = sql.table(SLUGS.connections)
  // The adapter names tables in snake case (as for members_interests).
  const consents = sql.table('consent_records')
  return {
    members: (rows, now) =>
      sql.drizzle.transaction(async (tx) => {
        const created = await tx
          .insert(members)
          .values(rows.map((row) => memberRow(row, now)))
          .returning({ id: column(members, 'id'), email: column(members, 'email') })
        const idOf = new Map(
          created.map((row) => [String(row.email).toLowerCase(), row.id as number | string]),
        )
        const interestRows = rows.flatMap((row) =>
          row.interests.map((value, index) => ({
            order: index + 1,
            parent: idOf.get(row.email),
            value,
          })),
        )
        if (interestRows.length > 0)
          await tx
            .insert(interests)
            .values(interestRows)
            .returning({ id: column(interests, 'id') })
        await tx
          .insert(consents)
          .values(
            rows.flatMap((row) =>
              importedConsents(row).map((consent) => ({
                member: idOf.get(row.email),
                ...consent,
                recordedAt: now,
                source: IMPORT_CONSENT_SOURCE,
                createdAt: now,
                updatedAt: now,
              })),
            ),
          )
          .returning({ id: column(consents, 'id') })
        return idOf
      }),
    connections: async (rows) =>
      (
        await sql.drizzle.transaction(async (tx) =>
          tx
            .insert(connections)
            .values(rows)
            .returning({ id: column(connections, 'id') }),
        )
      ).map((row) => row.id as number | string),
    remove: async (written) => {
      for (const ids of chunks(written.connections, 1000))
        await sql.drizzle
          .delete(connections)
          .where(inArray(column<AnyColumn>(connections, 'id'), ids))
      for (const ids of chunks(written.members, 1000)) {
        await sql.drizzle.transaction(async (tx) => {
          await tx.delete(consents).where(inArray(column<AnyColumn>(consents, 'member'), ids))
          await tx.delete(interests).where(inArray(column<AnyColumn>(interests, 'parent'), ids))
          await tx.delete(members).where(inArray(column<AnyColumn>(members, 'id'), ids))
        })
      }
    },
    close: () => undefined,
  }
}

/** SQLite and PostgreSQL: multi-row inserts, one transaction per batch. */
const writeWithSql = async (writer: SqlWriter, input: WriteInput, written: Written) => {
  const batch = { ...IMPORT_BATCH, ...input.batch }
  const total = input.members.length + input.connections.length
  let done = 0
  const now = new Date().toISOString()
  for (const rows of chunks(input.members, batch.members)) {
    for (const [email, id] of await writer.members(rows, now)) {
      input.idByEmail.set(email, id)
      written.members.push(id)
    }
    done += rows.length
    input.onProgress?.(done, total)
    await yieldToEventLoop()
  }
  for (const rows of chunks(input.connections, batch.connections)) {
    written.connections.push(
      ...(await writer.connections(rows.map((row) => connectionRow(row, input.idByEmail, now)))),
    )
    done += rows.length
    input.onProgress?.(done, total)
    await yieldToEventLoop()
  }
}

/** MongoDB: the adapter's own create, a row at a time (no hooks, as on SQL). */
const writeWithLocalApi = async (payload: Payload, input: WriteInput, written: Written) => {
  const total = input.members.length + input.connections.length
  let done = 0
  const now = new Date().toISOString()
  for (const row of input.members) {
    const { line: _line, ...data } = row
    const created = await payload.db.create({
      collection: SLUGS.members,
      data: { ...data, loginAttempts: 0, createdAt: now, updatedAt: now },
    })
    input.idByEmail.set(row.email, created.id as number | string)
    written.members.push(created.id as number | string)
    for (const consent of importedConsents(row))
      await payload.db.create({
        collection: SLUGS.consentRecords,
        data: {
          member: created.id,
          ...consent,
          recordedAt: now,
          source: IMPORT_CONSENT_SOURCE,
          createdAt: now,
          updatedAt: now,
        },
      })
    input.onProgress?.(++done, total)
  }
  for (const row of input.connections) {
    const created = await payload.db.create({
      collection: SLUGS.connections,
      data: connectionRow(row, input.idByEmail, now),
    })
    written.connections.push(created.id as number | string)
    input.onProgress?.(++done, total)
  }
}

const deleteWithLocalApi = async (payload: Payload, written: Written) => {
  if (written.connections.length)
    await payload.db.deleteMany({
      collection: SLUGS.connections,
      where: { id: { in: written.connections } },
    })
  if (written.members.length) {
    await payload.db.deleteMany({
      collection: SLUGS.consentRecords,
      where: { member: { in: written.members } },
    })
    await payload.db.deleteMany({
      collection: SLUGS.members,
      where: { id: { in: written.members } },
    })
  }
}

/**
 * Writes validated rows in batches, each its own short transaction, so the import never holds the
 * database (SQLite's single write lock above all) for long. All or nothing all the same: if a batch
 * fails, everything the earlier batches wrote is deleted again before the error is thrown.
 */
export const writeImport = async (payload: Payload, input: WriteInput): Promise<void> => {
  const sql = sqlAccess(payload)
  const writer = sql
    ? sql.dialect === 'sqlite'
      ? sqliteWriter(payload, sql)
      : postgresWriter(sql)
    : null
  const written: Written = { members: [], connections: [] }
  try {
    if (writer) await writeWithSql(writer, input, written)
    else await writeWithLocalApi(payload, input, written)
  } catch (error) {
    try {
      if (writer) await writer.remove(written)
      else await deleteWithLocalApi(payload, written)
    } catch (cleanupError) {
      payload.logger.error({
        err: cleanupError,
        msg: `network import: could not take back ${written.members.length} member(s) and ${written.connections.length} connection(s) after a failed batch`,
      })
    }
    throw new ImportWriteError(error)
  } finally {
    writer?.close()
    // The rows were written past Payload's adapter, which invalidates the public read cache on its
    // own writes: members and connections show in the directory and the network figures.
    await invalidateReadCache()
  }
}
