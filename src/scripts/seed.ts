/**
 * `npm run seed`: loads the demo content into the database named by DATABASE_URL.
 * Running it again adds nothing.
 */

import { closeDatabase } from '../db/closeDatabase'
import { seed } from '../seed'
import { printLoginHelp } from '../seed/printLoginHelp'
import { openScriptPayload } from './openScriptPayload'

const payload = await openScriptPayload()
try {
  const result = await seed(payload)
  console.log(`[seed] done: ${result.created} created, ${result.existing} already there`)
  printLoginHelp(result)
} finally {
  await closeDatabase(payload)
}
process.exit(0)
