/**
 * `npm run test:postgres`: the suite of `npm test` that uses a database, on a private PostgreSQL
 * cluster. Each test file gets its own database in that cluster (test/helpers/testDatabase.ts).
 *
 * Left out, because they run under `npm test` already and would run the same here:
 * - the unit tests (`*.spec.ts` that are not `*.int.spec.ts`): pure functions, schemas and URL
 *   parsing, with no database connection and no server (none reads TEST_DATABASE_URL);
 * - the two-instance test, which runs on PostgreSQL + redis-server under `npm test` (its own cluster);
 * - the admin screens in headless Chromium (`test/browser/`): they test the admin UI, which is the
 *   same on every database; what they make the database do (publish, schedule, moderate, count
 *   subscribers) runs on PostgreSQL in the Local API and HTTP suites. The same goes for the
 *   first-admin form in Chromium (test/accounts/setupLinkAdminUI): first-register on an empty
 *   PostgreSQL database is tested over HTTP by test/accounts/setupLink, which stays;
 * - the express layer in front of Payload (test/http/bodyAndAddress: body limits and framing,
 *   malformed input, client address and TRUST_PROXY, the per-address login limit in memory): it
 *   answers before Payload asks the database anything, the same on every database (its one admin
 *   read is the plain REST read the other suites make on PostgreSQL; malformed `where` on
 *   PostgreSQL is the fuzz test's);
 * - the files that never open the database under test: each plugin on its own minimal config
 *   (`pluginConfig.int.spec.*`, on an SQLite file of its own whatever TEST_DATABASE_URL says), the
 *   Redis stores (`test/redis/`, `test/cache/redisGeneration`) and the MongoDB adapter
 *   (`test/db/mongodb`): here they would run again exactly as under `npm test`.
 * Given test paths (`node scripts/testPostgres.mjs test/cache`) run whatever they name.
 *
 * It seeds the run's template database (test/helpers/seededTemplate.mjs) itself, before Jest, so
 * that CI can do that beside the SQLite run: with TEST_POSTGRES_GATE=<file> it starts the cluster,
 * seeds, then waits until that file says `run` (or `stop`: no tests, exit 1) before starting Jest.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

import { prepareSeededTemplate } from '../test/helpers/seededTemplate.mjs'
import { ensureBuilt } from './ensureBuilt.mjs'
import { startPostgresCluster } from './postgresCluster.mjs'

/** @param {string} file @returns {Promise<string>} what the gate file says once it says anything */
const gateOpens = async (file) => {
  for (;;) {
    const said = existsSync(file) ? readFileSync(file, 'utf8').trim() : ''
    if (said) return said
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const cluster = await startPostgresCluster()
console.log(`[test:postgres] cluster at ${cluster.url}`)
let status
try {
  // The template the test files copy; Jest's global setup skips seeding when it is already set.
  process.env.TEST_DATABASE_URL = cluster.url
  const gate = process.env.TEST_POSTGRES_GATE
  // With a gate the caller (CI) has just built, and may still be running `tsc --build`, whose
  // declaration files under plugins/*/dist make ensureBuilt think the build is stale: no build here.
  if (!gate) ensureBuilt()
  await prepareSeededTemplate()
  if (gate && (await gateOpens(gate)) !== 'run') {
    console.log('[test:postgres] told to stop before the tests')
    status = 1
  } else status = runJest()
} finally {
  cluster.stop()
}
process.exit(status)

/** @returns {number} Jest's exit status */
function runJest() {
  const args =
    process.argv.length > 2
      ? process.argv.slice(2)
      : [
          '--testPathIgnorePatterns',
          '/node_modules/',
          '<rootDir>/test/cluster/',
          '<rootDir>/test/browser/',
          '<rootDir>/test/accounts/setupLinkAdminUI\\.int\\.spec\\.ts$',
          '<rootDir>/test/http/bodyAndAddress\\.int\\.spec\\.ts$',
          '<rootDir>/test/[^/]+/pluginConfig\\.int\\.spec\\.tsx?$',
          '<rootDir>/test/redis/',
          '<rootDir>/test/cache/redisGeneration\\.int\\.spec\\.ts$',
          '<rootDir>/test/db/mongodb\\.int\\.spec\\.ts$',
          '^(?!.*\\.int\\.spec\\.tsx?$).*\\.spec\\.tsx?$',
        ]
  const result = spawnSync('npm', ['test', '--', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: cluster.url },
  })
  return result.status ?? 1
}
