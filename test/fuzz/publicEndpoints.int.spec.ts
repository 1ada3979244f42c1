/**
 * Property-based fuzz of every public endpoint over real HTTP (see ./publicEndpoints.ts): no 5xx,
 * no answer slower than 2 s, nothing written by a refused request. `FUZZ_RUNS` and `FUZZ_SEED`
 * change the number of cases and replay a run; `npm run fuzz` runs 20,000.
 */
import type { RunningServer } from '../helpers/server'
import { describeFailure, type FuzzTarget, runFuzz } from './publicEndpoints'
import { startFuzzTarget } from './setup'

let server: RunningServer
let target: FuzzTarget
let collections: string[]

beforeAll(async () => {
  ;({ server, target, collections } = await startFuzzTarget('fuzz'))
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

test('generated requests to every public endpoint: no 5xx, none slower than 2 s, nothing written on a 4xx', async () => {
  expect(collections).toEqual(
    expect.arrayContaining([
      'blogs',
      'comments',
      'subscribers',
      'members',
      'connections',
      'payload-locked-documents',
    ]),
  )
  const report = await runFuzz(target, {
    runs: Number(process.env.FUZZ_RUNS ?? 2000),
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    collections,
  })
  console.log(
    `fuzz: ${report.cases} cases in ${report.millis} ms (seed ${report.seed}), slowest ${report.slowest.millis} ms`,
  )
  expect({ seed: report.seed, failures: report.failures.map(describeFailure) }).toEqual({
    seed: report.seed,
    failures: [],
  })
  expect(report.cases).toBeGreaterThanOrEqual(2000)
  // The refusals are logged at info: no ERROR line, no stack, for all those 4xx answers.
  expect(server.output()).not.toMatch(/ERROR|\n\s+at .+\(.+:\d+:\d+\)/)
}, 180_000)
