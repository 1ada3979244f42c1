/**
 * `npm run import -- members.csv connections.csv [--dry-run]`: imports members and connections
 * (for example from an evaluation survey) into the database named by DATABASE_URL. Either file
 * may be `-` to skip it. Nothing is written if any row is rejected; the report says why.
 */
import { readFileSync } from 'node:fs'

import { closeDatabase } from '../../db/closeDatabase'
import { createProgress, type Progress } from '../../progress'
import { openScriptPayload } from '../../scripts/openScriptPayload'
import { importNetwork, type ImportReport } from './importNetwork'
import { ImportWriteError } from './writeImport'

const USAGE =
  'usage: npm run import -- members.csv connections.csv [--dry-run]   (use - to skip a file)'

const readCsv = (file: string | undefined) =>
  file && file !== '-' ? readFileSync(file, 'utf8') : undefined

/** Called after each batch: advances a bar, created on the first batch when the total is known. */
const progressBar = () => {
  const progress: { bar: Progress | null; shown: number } = { bar: null, shown: 0 }
  return {
    onProgress: (done: number, total: number) => {
      progress.bar ??= createProgress('import', total)
      while (progress.shown < done) {
        progress.shown++
        progress.bar.step('rows')
      }
    },
    done: () => progress.bar?.done(),
  }
}

/** Prints the report; the exit code: 1 when any row was rejected. */
const printReport = (report: ImportReport): number => {
  console.log(
    `[import] members: ${report.members.rows} rows, ${report.members.created} new, ${report.members.existing} already there`,
  )
  console.log(
    `[import] connections: ${report.connections.rows} rows, ${report.connections.created} new, ${report.connections.existing} already there`,
  )
  for (const row of report.rejected)
    console.log(`[import] rejected ${row.file}.csv line ${row.line}: ${row.reason}`)
  if (report.rejected.length > 0) {
    console.log(
      `[import] ${report.rejected.length} row(s) rejected: nothing was imported. Fix them and run again.`,
    )
    return 1
  }
  if (report.dryRun) console.log('[import] dry run: everything checks out; nothing was written.')
  else console.log('[import] done.')
  return 0
}

/** Runs the import named by the command line's arguments; resolves to the process's exit code. */
export const runImportCli = async (args: string[]): Promise<number> => {
  const dryRun = args.includes('--dry-run')
  const [membersFile, connectionsFile] = args.filter((arg) => !arg.startsWith('--'))
  if (!membersFile && !connectionsFile) {
    console.error(USAGE)
    return 2
  }
  const payload = await openScriptPayload()
  const progress = progressBar()
  try {
    const report = await importNetwork(payload, {
      membersCsv: readCsv(membersFile),
      connectionsCsv: readCsv(connectionsFile),
      dryRun,
      onProgress: progress.onProgress,
    })
    progress.done()
    return printReport(report)
  } catch (error) {
    progress.done()
    if (!(error instanceof ImportWriteError)) throw error
    console.error(
      `[import] ${error.message} (${(error.cause as Error | undefined)?.message ?? 'unknown cause'})`,
    )
    return 1
  } finally {
    await closeDatabase(payload)
  }
}
