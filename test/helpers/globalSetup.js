/**
 * The HTTP and browser tests run the real express host on the built app, so build what is missing
 * or stale first (the same check `npm start` makes); then seed the run's one seeded database, which
 * test files that start on a freshly seeded database get a copy of (test/helpers/seededTemplate.mjs),
 * unless the caller seeded it already and handed it over in TEST_SEEDED_TEMPLATE.
 */
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs'
import { prepareSeededTemplate, seededTemplate } from './seededTemplate.mjs'

export default async function globalSetup() {
  ensureBuilt()
  // scripts/testPostgres.mjs seeds its template before Jest starts (CI does that beside the SQLite run).
  if (!seededTemplate()) await prepareSeededTemplate()
}
