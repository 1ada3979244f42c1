/**
 * The HTTP and browser tests run the real express host on the built app, so build what is missing
 * or stale first (the same check `npm start` makes).
 */
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs'

export default async function globalSetup() {
  ensureBuilt()
}
