import { randomBytes } from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'

import { invalidateNetwork } from '../cache'
import { checkConnectionRows, checkMemberRows, CONNECTION_COLUMNS, MEMBER_COLUMNS, parseCsv, type RejectedRow } from './rows'

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
  /** Called after each row is handled, for progress bars. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Imports members and connections (e.g. from an evaluation survey). All or nothing: any rejected
 * row means nothing is written, and the writes run in one transaction, so a failure half-way
 * leaves the database as it was. A dry run checks everything and writes nothing.
 */
export const importNetwork = async (payload: Payload, input: ImportInput): Promise<ImportReport> => {
  const rejected: RejectedRow[] = []
  const membersParsed = input.membersCsv ? parseCsv(input.membersCsv, 'members', MEMBER_COLUMNS) : { records: [], error: null }
  const connectionsParsed = input.connectionsCsv ? parseCsv(input.connectionsCsv, 'connections', CONNECTION_COLUMNS) : { records: [], error: null }
  if (membersParsed.error) rejected.push(membersParsed.error)
  if (connectionsParsed.error) rejected.push(connectionsParsed.error)

  const members = checkMemberRows(membersParsed.records)
  const existingMembers = await payload.find({ collection: 'members', pagination: false, depth: 0, overrideAccess: true, select: { email: true } })
  const idByEmail = new Map(existingMembers.docs.map((member) => [member.email.toLowerCase(), member.id]))
  const knownEmails = new Set([...idByEmail.keys(), ...members.valid.map((row) => row.email)])
  const connections = checkConnectionRows(connectionsParsed.records, knownEmails)
  rejected.push(...members.rejected, ...connections.rejected)

  const report: ImportReport = {
    dryRun: Boolean(input.dryRun),
    imported: false,
    members: { rows: membersParsed.records.length, created: 0, existing: 0 },
    connections: { rows: connectionsParsed.records.length, created: 0, existing: 0 },
    rejected,
  }
  if (rejected.length > 0 || input.dryRun) {
    // What would happen, without writing.
    report.members.existing = members.valid.filter((row) => idByEmail.has(row.email)).length
    report.members.created = members.valid.length - report.members.existing
    report.connections.created = connections.valid.length
    return report
  }

  const req = await createLocalReq({ context: { importing: true } }, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID) req.transactionID = transactionID
  const total = members.valid.length + connections.valid.length
  let done = 0
  try {
    for (const row of members.valid) {
      if (idByEmail.has(row.email)) report.members.existing++
      else {
        const { line: _line, ...data } = row
        // Imported members get an unusable random password; they set their own through "forgot password".
        const created = await payload.create({ collection: 'members', data: { ...data, password: randomBytes(24).toString('base64url') } as never, overrideAccess: true, req })
        idByEmail.set(row.email, created.id)
        report.members.created++
      }
      input.onProgress?.(++done, total)
    }
    for (const row of connections.valid) {
      const from = idByEmail.get(row.fromEmail)
      const to = idByEmail.get(row.toEmail)
      const { totalDocs } = await payload.count({
        collection: 'connections',
        where: { or: [{ and: [{ from: { equals: from } }, { to: { equals: to } }] }, { and: [{ from: { equals: to } }, { to: { equals: from } }] }] },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0) report.connections.existing++
      else {
        await payload.db.create({
          collection: 'connections',
          data: { from, to, status: 'accepted', source: 'import', requestedAt: row.acceptedAt, acceptedAt: row.acceptedAt },
          req,
        })
        report.connections.created++
      }
      input.onProgress?.(++done, total)
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
  // Connections were written through the adapter (no hooks), so drop the cached figures here.
  invalidateNetwork()
  report.imported = true
  return report
}
