/**
 * The HTTP and browser tests run the real express host on the built app, so build what is missing
 * or stale first (the same check `npm start` makes); then seed the run's one seeded database, which
 * test files that start on a freshly seeded database get a copy of (test/helpers/seededTemplate.mjs).
 */
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs'
import { prepareSeededTemplate } from './seededTemplate.mjs'

export default async function globalSetup() {
  ensureBuilt()
  await prepareSeededTemplate()
}
