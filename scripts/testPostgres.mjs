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
 *   subscribers) runs on PostgreSQL in the Local API and HTTP suites.
 * Given test paths (`node scripts/testPostgres.mjs test/cache`) run whatever they name.
 */
import { spawnSync } from 'node:child_process'

import { startPostgresCluster } from './postgresCluster.mjs'

const cluster = await startPostgresCluster()
console.log(`[test:postgres] cluster at ${cluster.url}`)
let status
try {
  const args =
    process.argv.length > 2
      ? process.argv.slice(2)
      : [
          '--testPathIgnorePatterns',
          '/node_modules/',
          '<rootDir>/test/cluster/',
          '<rootDir>/test/browser/',
          '^(?!.*\\.int\\.spec\\.tsx?$).*\\.spec\\.tsx?$',
        ]
  const result = spawnSync('npm', ['test', '--', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: cluster.url },
  })
  status = result.status ?? 1
} finally {
  cluster.stop()
}
process.exit(status)
