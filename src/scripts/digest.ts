/**
 * `npm run digest`: sends the weekly digest now, from this process, to the database named by
 * DATABASE_URL (what `POST /api/subscribers/digest` queues). It covers what was published since the
 * previous digest; subscribers already sent this digest are not sent it again.
 */

import {
  createDigestNow,
  runMailingByKey,
  subscriptionOptionsOf,
} from '@q-community/email-subscriptions/utilities'

import { closeDatabase } from '../db/closeDatabase'
import { createProgress, type Progress } from '../progress'
import { openScriptPayload } from './openScriptPayload'

const payload = await openScriptPayload()
const options = subscriptionOptionsOf(payload)
const progress: { bar: Progress | null; counted: number } = { bar: null, counted: 0 }
let exitCode = 0
try {
  const mailing = await createDigestNow(payload, options, false)
  console.log(`[digest] publications from ${mailing.periodStart} to ${mailing.periodEnd}`)
  const result = await runMailingByKey(payload, options, mailing.key, ({ sent, failed, total }) => {
    progress.bar ??= createProgress('digest', total)
    for (; progress.counted < sent + failed; progress.counted++) progress.bar.step('emails')
  })
  progress.bar?.done()
  console.log(
    `[digest] ${result?.sent ?? 0} sent${result?.failed ? `, ${result.failed} failed` : ''}.`,
  )
} catch (err) {
  progress.bar?.done()
  // The mailing keeps its deliveries; the jobs queue resumes it once its lease ends.
  console.error(`[digest] ${err instanceof Error ? err.message : String(err)}`)
  exitCode = 1
} finally {
  await closeDatabase(payload)
}
process.exit(exitCode)
