/**
 * `npm run import -- members.csv connections.csv [--dry-run]`: imports members and connections
 * (for example from an evaluation survey) into the database named by DATABASE_URL. Either file
 * may be `-` to skip it. Nothing is written if any row is rejected; the report says why.
 */
import { readFileSync } from 'node:fs'

import { closeDatabase } from '../db/closeDatabase'
import { openScriptPayload } from './openScriptPayload'
import { importNetwork } from '../network/import/importNetwork'
import { ImportWriteError } from '../network/import/writeImport'
import { createProgress, type Progress } from '../progress'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const [membersFile, connectionsFile] = args.filter((arg) => !arg.startsWith('--'))
if (!membersFile && !connectionsFile) {
  console.error('usage: npm run import -- members.csv connections.csv [--dry-run]   (use - to skip a file)')
  process.exit(2)
}
const read = (file: string | undefined) => (file && file !== '-' ? readFileSync(file, 'utf8') : undefined)

const payload = await openScriptPayload()
// Created on the first row, when the total is known.
const progress: { bar: Progress | null; shown: number } = { bar: null, shown: 0 }
let exitCode = 0
try {
  const report = await importNetwork(payload, {
    membersCsv: read(membersFile),
    connectionsCsv: read(connectionsFile),
    dryRun,
    // Called after each batch: advance the bar by the rows of that batch.
    onProgress: (done, total) => {
      progress.bar ??= createProgress('import', total)
      while (progress.shown < done) {
        progress.shown++
        progress.bar.step('rows')
      }
    },
  })
  progress.bar?.done()
  console.log(`[import] members: ${report.members.rows} rows, ${report.members.created} new, ${report.members.existing} already there`)
  console.log(`[import] connections: ${report.connections.rows} rows, ${report.connections.created} new, ${report.connections.existing} already there`)
  for (const row of report.rejected) console.log(`[import] rejected ${row.file}.csv line ${row.line}: ${row.reason}`)
  if (report.rejected.length > 0) {
    console.log(`[import] ${report.rejected.length} row(s) rejected: nothing was imported. Fix them and run again.`)
    exitCode = 1
  } else if (report.dryRun) console.log('[import] dry run: everything checks out; nothing was written.')
  else console.log('[import] done.')
} catch (error) {
  progress.bar?.done()
  if (!(error instanceof ImportWriteError)) throw error
  console.error(`[import] ${error.message} (${(error.cause as Error | undefined)?.message ?? 'unknown cause'})`)
  exitCode = 1
} finally {
  await closeDatabase(payload)
}
process.exit(exitCode)
