/**
 * `npm run fuzz`: the property-based fuzz of every public endpoint (test/fuzz/publicEndpoints.ts)
 * at scale, against the built server on a fresh SQLite database. FUZZ_RUNS (default 20,000) and
 * FUZZ_SEED (default: random) choose the run; the result is written to bench/RESULTS.md.
 */
import { ensureBuilt } from '../scripts/ensureBuilt.mjs'
import { describeFailure, runFuzz } from '../test/fuzz/publicEndpoints'
import { startFuzzTarget } from '../test/fuzz/setup'
import { machine, recordResults } from './lib.mjs'

ensureBuilt()
const runs = Number(process.env.FUZZ_RUNS ?? 20_000)
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
const { server, target, collections } = await startFuzzTarget('fuzz-bench')
try {
  const report = await runFuzz(target, { runs, seed, collections })
  const logErrors = server
    .output()
    .split('\n')
    .filter((line) => /ERROR/.test(line)).length
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')
  recordResults([
    `## Fuzz of the public endpoints — ${new Date().toISOString()}`,
    '',
    `Command: \`FUZZ_SEED=${report.seed} npm run fuzz\` (FUZZ_RUNS=${runs}) · Machine: ${machine()} · ${collections.length} collections, concurrency 8`,
    '',
    '| Measure | Result | Goal |',
    '| --- | --- | --- |',
    `| cases | ${report.cases} in ${(report.millis / 1000).toFixed(1)} s | ≥ 20,000 |`,
    `| 5xx or no answer | ${report.failures.filter((failure) => failure.problem.startsWith('server error')).length} | 0 |`,
    `| answers slower than 2 s | ${report.failures.filter((failure) => failure.problem.startsWith('slower')).length} (slowest ${report.slowest.millis} ms: ${report.slowest.case.method} ${report.slowest.case.path}) | 0 |`,
    `| rows written by refused requests | ${report.failures.filter((failure) => failure.problem.includes('rows')).length} | 0 |`,
    `| ERROR lines in the server log | ${logErrors} | 0 |`,
    `| statuses | ${statuses} | — |`,
  ])
  for (const failure of report.failures.slice(0, 50)) console.log(describeFailure(failure))
  process.exitCode = report.failures.length === 0 && logErrors === 0 ? 0 : 1
} finally {
  await server.stop()
}
