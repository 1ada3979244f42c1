/**
 * `npm run seed`: loads the demo content into the database named by DATABASE_URL.
 * Running it again adds nothing.
 */
import './runAsProduction'
import { getPayload } from 'payload'

import config from '../payload.config'
import { closeDatabase } from '../db/closeDatabase'
import { printLoginHelp } from '../seed/printLoginHelp'
import { seed } from '../seed'

const payload = await getPayload({ config })
try {
  const result = await seed(payload)
  console.log(`[seed] done: ${result.created} created, ${result.existing} already there`)
  printLoginHelp(result)
} finally {
  await closeDatabase(payload)
}
process.exit(0)
