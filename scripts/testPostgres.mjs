/**
 * `npm run test:postgres`: the same suite as `npm test`, on a private PostgreSQL cluster.
 * Each test file gets its own database in that cluster (test/helpers/testDatabase.ts).
 */
import { spawnSync } from 'node:child_process'

import { startPostgresCluster } from './postgresCluster.mjs'

const cluster = await startPostgresCluster()
console.log(`[test:postgres] cluster at ${cluster.url}`)
let status = 1
try {
  // The two-instance test runs on PostgreSQL under `npm test` too (its own cluster): not twice in CI.
  const args = process.argv.length > 2 ? process.argv.slice(2) : ['--testPathIgnorePatterns', '/node_modules/', '<rootDir>/test/cluster/']
  const result = spawnSync('npm', ['test', '--', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: cluster.url },
  })
  status = result.status ?? 1
} finally {
  cluster.stop()
}
process.exit(status)
