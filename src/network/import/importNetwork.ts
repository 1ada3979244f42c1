import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'
import { extractID } from 'payload/shared'

import { invalidateNetwork } from '../cache'
import { column, sqlAccess } from '../sqlAdapter'
import {
  checkConnectionRows,
  checkMemberRows,
  CONNECTION_COLUMNS,
  type ConnectionRow,
  MEMBER_COLUMNS,
  parseCsv,
  type RejectedRow,
} from './rows'
import { writeImport } from './writeImport'

export type ImportReport = {
  dryRun: boolean
  /** True when the rows were written; false for a dry run or when any row was rejected. */
  imported: boolean
  members: { rows: number; created: number; existing: number }
  connections: { rows: number; created: number; existing: number }
  rejected: RejectedRow[]
}

export type ImportInput = {
  membersCsv?: string
  connectionsCsv?: string
  dryRun?: boolean
  /** Called after each batch is written with the rows written so far, for progress bars. */
  onProgress?: (done: number, total: number) => void
}

/** One key per connected pair, whichever way round: `low-high` ids. */
const connectedPair = (a: unknown, b: unknown) =>
  String(a) < String(b) ? `${a}-${b}` : `${b}-${a}`

/** Lower-cased email → id of every member, and every connected pair (`low-high` ids), as they are now. */
const existingNetwork = async (payload: Payload) => {
  const sql = sqlAccess(payload)
  if (sql) {
    const members = sql.table(SLUGS.members)
    const connections = sql.table(SLUGS.connections)
    const memberRows = await sql.drizzle
      .select({ id: column(members, 'id'), email: column(members, 'email') })
      .from(members)
    const connectionRows = await sql.drizzle
      .select({ from: column(connections, 'from'), to: column(connections, 'to') })
      .from(connections)
    return {
      idByEmail: new Map(
        memberRows.map((row) => [String(row.email).toLowerCase(), row.id as number | string]),
      ),
      pairs: new Set(connectionRows.map((row) => connectedPair(row.from, row.to))),
    }
  }
  const members = await payload.find({
    collection: SLUGS.members,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { email: true },
  })
  const connections = await payload.find({
    collection: SLUGS.connections,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { from: true, to: true },
  })
  return {
    idByEmail: new Map<string, number | string>(
      members.docs.map((member) => [member.email.toLowerCase(), member.id]),
    ),
    pairs: new Set(
      connections.docs.map((connection) =>
        connectedPair(extractID(connection.from), extractID(connection.to)),
      ),
    ),
  }
}

/** Both files parsed into records; a file that is not CSV of the expected columns is one rejected row. */
const parseFiles = (input: ImportInput) => {
  const members = input.membersCsv
    ? parseCsv(input.membersCsv, 'members', MEMBER_COLUMNS)
    : { records: [], error: null }
  const connections = input.connectionsCsv
    ? parseCsv(input.connectionsCsv, 'connections', CONNECTION_COLUMNS)
    : { records: [], error: null }
  const rejected: RejectedRow[] = []
  if (members.error) rejected.push(members.error)
  if (connections.error) rejected.push(connections.error)
  return { members: members.records, connections: connections.records, rejected }
}

type Existing = Awaited<ReturnType<typeof existingNetwork>>

/** Every row checked, connections against the members there will be after the import. */
const checkRows = (parsed: ReturnType<typeof parseFiles>, existing: Existing) => {
  const members = checkMemberRows(parsed.members)
  const knownEmails = new Set([
    ...existing.idByEmail.keys(),
    ...members.valid.map((row) => row.email),
  ])
  const connections = checkConnectionRows(parsed.connections, knownEmails)
  return {
    members,
    connections,
    rejected: [...parsed.rejected, ...members.rejected, ...connections.rejected],
  }
}

/** The valid rows that are not in the database yet. */
const newRows = (checked: ReturnType<typeof checkRows>, existing: Existing) => {
  const { idByEmail } = existing
  const members = checked.members.valid.filter((row) => !idByEmail.has(row.email))
  // A pair is already connected only if both members exist and some connection joins them (any status).
  const isExisting = (row: ConnectionRow) => {
    const from = idByEmail.get(row.fromEmail)
    const to = idByEmail.get(row.toEmail)
    return from !== undefined && to !== undefined && existing.pairs.has(connectedPair(from, to))
  }
  const connections = checked.connections.valid.filter((row) => !isExisting(row))
  return { members, connections }
}

/** Writes the new rows in batches (see writeImport) and drops the cached network figures. */
const writeNewRows = async (
  payload: Payload,
  rows: ReturnType<typeof newRows>,
  existing: Existing,
  input: ImportInput,
) => {
  try {
    await writeImport(payload, {
      members: rows.members,
      connections: rows.connections,
      idByEmail: existing.idByEmail,
      onProgress: input.onProgress,
    })
  } finally {
    // The rows were written through the adapter (no hooks), so drop the cached figures here,
    // also after a failed import (what it wrote meanwhile has been deleted again).
    await invalidateNetwork()
  }
}

/**
 * Imports members and connections (e.g. from an evaluation survey). Every row is checked first;
 * any rejected row means nothing is written. Then the rows are written in batches, each a short
 * transaction of its own (see writeImport), so a large import neither takes minutes nor locks the
 * site's other writes out; if a batch fails, what the earlier ones wrote is deleted again. A dry
 * run checks everything and writes nothing.
 */
export const importNetwork = async (
  payload: Payload,
  input: ImportInput,
): Promise<ImportReport> => {
  const parsed = parseFiles(input)
  const existing = await existingNetwork(payload)
  const checked = checkRows(parsed, existing)
  const rows = newRows(checked, existing)

  const report: ImportReport = {
    dryRun: Boolean(input.dryRun),
    imported: false,
    members: {
      rows: parsed.members.length,
      created: rows.members.length,
      existing: checked.members.valid.length - rows.members.length,
    },
    connections: {
      rows: parsed.connections.length,
      created: rows.connections.length,
      existing: checked.connections.valid.length - rows.connections.length,
    },
    rejected: checked.rejected,
  }
  // With rejected rows or a dry run, the counts say what would happen; nothing is written.
  if (report.rejected.length > 0 || input.dryRun) return report

  await writeNewRows(payload, rows, existing, input)
  report.imported = true
  return report
}
