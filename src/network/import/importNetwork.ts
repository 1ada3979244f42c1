import type { Payload } from 'payload'

import { invalidateNetwork } from '../cache'
import { column, sqlAccess } from '../sqlAdapter'
import { checkConnectionRows, checkMemberRows, CONNECTION_COLUMNS, type ConnectionRow, MEMBER_COLUMNS, parseCsv, type RejectedRow } from './rows'
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

/** Lower-cased email → id of every member, and every connected pair (`low-high` ids), as they are now. */
const existingNetwork = async (payload: Payload) => {
  const sql = sqlAccess(payload)
  const pair = (a: unknown, b: unknown) => (String(a) < String(b) ? `${a}-${b}` : `${b}-${a}`)
  if (sql) {
    const members = sql.table('members')
    const connections = sql.table('connections')
    const memberRows = await sql.drizzle.select({ id: column(members, 'id'), email: column(members, 'email') }).from(members)
    const connectionRows = await sql.drizzle.select({ from: column(connections, 'from'), to: column(connections, 'to') }).from(connections)
    return {
      idByEmail: new Map(memberRows.map((row) => [String(row.email).toLowerCase(), row.id as number | string])),
      pairs: new Set(connectionRows.map((row) => pair(row.from, row.to))),
    }
  }
  const members = await payload.find({ collection: 'members', pagination: false, depth: 0, overrideAccess: true, select: { email: true } })
  const connections = await payload.find({ collection: 'connections', pagination: false, depth: 0, overrideAccess: true, select: { from: true, to: true } })
  const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)
  return {
    idByEmail: new Map<string, number | string>(members.docs.map((member) => [member.email.toLowerCase(), member.id])),
    pairs: new Set(connections.docs.map((connection) => pair(idOf(connection.from), idOf(connection.to)))),
  }
}

/**
 * Imports members and connections (e.g. from an evaluation survey). Every row is checked first;
 * any rejected row means nothing is written. Then the rows are written in batches, each a short
 * transaction of its own (see writeImport), so a large import neither takes minutes nor locks the
 * site's other writes out; if a batch fails, what the earlier ones wrote is deleted again. A dry
 * run checks everything and writes nothing.
 */
export const importNetwork = async (payload: Payload, input: ImportInput): Promise<ImportReport> => {
  const rejected: RejectedRow[] = []
  const membersParsed = input.membersCsv ? parseCsv(input.membersCsv, 'members', MEMBER_COLUMNS) : { records: [], error: null }
  const connectionsParsed = input.connectionsCsv ? parseCsv(input.connectionsCsv, 'connections', CONNECTION_COLUMNS) : { records: [], error: null }
  if (membersParsed.error) rejected.push(membersParsed.error)
  if (connectionsParsed.error) rejected.push(connectionsParsed.error)

  const members = checkMemberRows(membersParsed.records)
  const existing = await existingNetwork(payload)
  const idByEmail = existing.idByEmail
  const knownEmails = new Set([...idByEmail.keys(), ...members.valid.map((row) => row.email)])
  const connections = checkConnectionRows(connectionsParsed.records, knownEmails)
  rejected.push(...members.rejected, ...connections.rejected)

  const newMembers = members.valid.filter((row) => !idByEmail.has(row.email))
  // A pair is already connected only if both members exist and some connection joins them (any status).
  const isExisting = (row: ConnectionRow) => {
    const from = idByEmail.get(row.fromEmail)
    const to = idByEmail.get(row.toEmail)
    return from !== undefined && to !== undefined && existing.pairs.has(String(from) < String(to) ? `${from}-${to}` : `${to}-${from}`)
  }
  const newConnections = connections.valid.filter((row) => !isExisting(row))

  const report: ImportReport = {
    dryRun: Boolean(input.dryRun),
    imported: false,
    members: { rows: membersParsed.records.length, created: newMembers.length, existing: members.valid.length - newMembers.length },
    connections: { rows: connectionsParsed.records.length, created: newConnections.length, existing: connections.valid.length - newConnections.length },
    rejected,
  }
  // With rejected rows or a dry run, the counts say what would happen; nothing is written.
  if (rejected.length > 0 || input.dryRun) return report

  try {
    await writeImport(payload, { members: newMembers, connections: newConnections, idByEmail, onProgress: input.onProgress })
  } finally {
    // The rows were written through the adapter (no hooks), so drop the cached figures here,
    // also after a failed import (what it wrote meanwhile has been deleted again).
    await invalidateNetwork()
  }
  report.imported = true
  return report
}
