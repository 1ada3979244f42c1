/**
 * `npm run search:reindex`: rebuilds the search index (`GET /api/search`) of the database named by
 * DATABASE_URL from its published documents, page by page, with a progress bar. Idempotent, and
 * safe while the server runs: searches keep answering, and entries of documents that are no
 * longer published are removed at the end.
 */
import { closeDatabase } from '../db/closeDatabase'
import { countPublished, rebuildSearchIndex } from '../frontends/search/rebuild'
import { createProgress } from '../progress'
import { openScriptPayload } from './openScriptPayload'

const payload = await openScriptPayload()
let exitCode = 0
try {
  const started = Date.now()
  const bar = createProgress('search:reindex', await countPublished(payload))
  const { indexed, removed } = await rebuildSearchIndex(payload, (label) => bar.step(label))
  bar.done()
  console.log(
    `[search:reindex] ${indexed} documents indexed, ${removed} stale entries removed in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
} catch (err) {
  console.error(`[search:reindex] ${err instanceof Error ? err.message : String(err)}`)
  exitCode = 1
} finally {
  await closeDatabase(payload)
}
process.exit(exitCode)
