import { getPayload, type Payload } from 'payload'

import { settings } from '../config/settings'
import { CLI_SCRIPT_ENV, migrationsFor } from '../db/databaseAdapter'
import config from '../payload.config'

/** Payload records a development schema push as a migration of batch -1. */
const isDevelopmentDatabase = async (payload: Payload): Promise<boolean> => {
  try {
    const { totalDocs } = await payload.count({
      collection: 'payload-migrations',
      where: { batch: { equals: -1 } },
    })
    return totalDocs > 0
  } catch {
    // No migrations table yet: a new database.
    return false
  }
}

/**
 * Payload for a CLI script (seed, import, digest). They open the same database as a running server,
 * so they never push a development schema over a migrated one (which fails, or silently diverges):
 * `PAYLOAD_MIGRATING` is Payload's own switch for that. Nor are migrations applied on connect (in
 * production mode), because on a database that `npm run dev` pushed Payload would stop and ask
 * about data loss: a new or migrated database gets the committed migrations here, a development
 * database keeps its pushed schema. Set at run time, not in a module of its own, because bundling
 * does not keep module order; NODE_ENV is left alone (React picks its build when first loaded).
 */
export const openScriptPayload = async (
  log: (line: string) => void = console.log,
): Promise<Payload> => {
  Object.assign(process.env, { PAYLOAD_MIGRATING: 'true', [CLI_SCRIPT_ENV]: 'true' })
  const payload = await getPayload({ config })
  const migrations = migrationsFor(settings.databaseURL)
  if (!migrations) return payload
  if (await isDevelopmentDatabase(payload)) {
    log('development database (schema pushed by npm run dev): leaving its schema as it is')
    return payload
  }
  // Payload's `migrate` types a migration's arguments as unknown; each adapter passes its own
  // (sqlite or postgres `MigrateUpArgs`), so they are passed on as the chosen migrations expect.
  await payload.db.migrate({
    migrations: migrations.map(({ name, up, down }) => ({
      name,
      up: (args: unknown) => up(args as never),
      down: (args: unknown) => down(args as never),
    })),
  })
  return payload
}
