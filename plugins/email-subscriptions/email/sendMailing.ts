import pLimit from 'p-limit'
import type { Payload, SelectIncludeType } from 'payload'

import { MAILING_STATUS, MAILINGS_SLUG, SUBSCRIBERS_SLUG } from '../constants'
import { leaseAfterFailure } from '../rules/lease'
import type { RenderedEmail, SanitizedOptions } from '../types'
import { createDeliveryMarker } from '../utilities/deliveryMarker'
import { deliveryKey, type DeliveryStore, deliveryStoreFor } from '../utilities/deliveryStore'
import {
  type MailingDoc,
  type MailingPlan,
  mailingPlanFor,
  type Recipient,
} from '../utilities/mailingPlans'
import { manageTokenOf } from '../utilities/recipientToken'
import { messageIdFor, personalise, sendEmail, subscriberEmail } from './send'

/** Sends at most this many messages at once; a pooled transport queues them on its connections. */
const SEND_CONCURRENCY = 50

export type FanOutProgress = { sent: number; failed: number; total: number }
export type MailingResult = { sent: number; failed: number; lastError: string | null }

export class RetryableSendFailure extends Error {}

const updateMailing = (payload: Payload, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: MAILINGS_SLUG, id, data, overrideAccess: true, depth: 0 })

/** The end of this worker's hold on a mailing, from now. */
const leaseFromNow = (options: SanitizedOptions) =>
  new Date(Date.now() + options.claimTimeoutSeconds * 1000).toISOString()

/** The mailing is this worker's now: status `sending`, one attempt more, a fresh lease. Returns the attempt's number. */
const startAttempt = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
): Promise<number> => {
  const attempt = (mailing.attempts ?? 0) + 1
  await updateMailing(payload, mailing.id, {
    status: MAILING_STATUS.sending,
    attempts: attempt,
    leaseUntil: leaseFromNow(options),
  })
  return attempt
}

/**
 * The plan's recipients in id order, `batchSize` at a time, straight from the adapter: the rows need
 * no access checks or read hooks, and at 10,000 recipients the Local API's per-document work is a
 * visible share of the fan-out's time. The next batch is read while this one is sent, so sending
 * never waits on the database.
 */
async function* recipientBatches(
  payload: Payload,
  options: SanitizedOptions,
  plan: MailingPlan,
): AsyncGenerator<Recipient[]> {
  const select: SelectIncludeType = plan.readsTopics
    ? { email: true, topics: true, manageKey: true, manageTokenHash: true }
    : { email: true, manageKey: true, manageTokenHash: true }
  const readAfter = (cursor: number | string | undefined) => {
    const reading = payload.db
      .find<Recipient>({
        collection: SUBSCRIBERS_SLUG,
        where:
          cursor === undefined
            ? plan.recipients
            : { and: [plan.recipients, { id: { greater_than: cursor } }] },
        sort: 'id',
        limit: options.batchSize,
        pagination: false,
        select,
      })
      .then(({ docs }) => docs)
    // A read that fails is rethrown where it is awaited; this only keeps it from counting as unhandled in between.
    void reading.catch(() => undefined)
    return reading
  }
  let next = readAfter(undefined)
  for (;;) {
    const batch = await next
    if (!batch.length) return
    next = readAfter(batch[batch.length - 1]?.id)
    yield batch
  }
}

type Claimed = { recipient: Recipient; content: RenderedEmail }

/** The recipients of a batch that have something to read and whose delivery this worker claimed (a rerun or a second worker gets the rest). */
const claimBatch = async (
  payload: Payload,
  options: SanitizedOptions,
  store: DeliveryStore,
  mailing: MailingDoc,
  plan: MailingPlan,
  batch: Recipient[],
): Promise<Claimed[]> => {
  const contents = new Map<string, RenderedEmail>()
  for (const recipient of batch) {
    const content = await plan.contentFor(recipient)
    if (content) contents.set(String(recipient.id), content)
  }
  const claimed = await store.claim(
    mailing.key,
    [...contents.keys()],
    new Date(),
    options.claimTimeoutSeconds,
  )
  await updateMailing(payload, mailing.id, { leaseUntil: leaseFromNow(options) })
  return batch.flatMap((recipient) => {
    const content = contents.get(String(recipient.id))
    return content && claimed.has(String(recipient.id)) ? [{ recipient, content }] : []
  })
}

/**
 * Sends the plan's emails, `SEND_CONCURRENCY` at a time, marking each delivery as the server accepts
 * or refuses it. Returns the last send error, if any.
 */
const sendToRecipients = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
  plan: MailingPlan,
  progress: FanOutProgress,
  onProgress?: (progress: FanOutProgress) => void,
): Promise<string | undefined> => {
  const store = deliveryStoreFor(payload)
  const marker = createDeliveryMarker(store, mailing.key)
  const limit = pLimit(SEND_CONCURRENCY)
  const sending = new Set<Promise<void>>()
  let lastError: string | undefined

  const sendOne = async (id: string, message: Parameters<typeof sendEmail>[2]) => {
    try {
      await sendEmail(payload, options, message)
      marker.sent(id)
      progress.sent += 1
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err)
      marker.failed(id, lastError)
      progress.failed += 1
    }
  }

  for await (const batch of recipientBatches(payload, options, plan)) {
    for (const { recipient, content } of await claimBatch(
      payload,
      options,
      store,
      mailing,
      plan,
      batch,
    )) {
      // A message (and its token, which may be written) is made only when the pool can take it.
      // No barrier between batches: the next batch is claimed while this one's last sends finish.
      while (limit.activeCount + limit.pendingCount >= SEND_CONCURRENCY) await Promise.race(sending)
      const id = String(recipient.id)
      const manageToken = await manageTokenOf(payload, recipient)
      const message = subscriberEmail(options, {
        to: recipient.email,
        manageToken,
        email: personalise(content, manageToken),
        messageId: messageIdFor(options, deliveryKey(mailing.key, id)),
      })
      const sent = limit(() => sendOne(id, message))
      sending.add(sent)
      void sent.then(() => sending.delete(sent))
    }
    onProgress?.(progress)
  }
  await Promise.all(sending)
  await marker.drain()
  onProgress?.(progress)
  return lastError
}

/**
 * Records how the attempt went: failed sends with attempts left → the figures, a lease until the
 * retry, and RetryableSendFailure (the queue retries with backoff); claims still held by another
 * worker → the figures and a fresh lease; otherwise the mailing is `done` (or `failed`).
 */
const finishAttempt = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
  attempt: number,
  progress: FanOutProgress,
  lastError: string | undefined,
): Promise<MailingResult> => {
  const counts = await deliveryStoreFor(payload).countByStatus(mailing.key)
  const summary = { sent: counts.sent, failed: counts.failed, lastError: lastError ?? null }
  if (progress.failed > 0 && attempt < options.retries.attempts) {
    await updateMailing(payload, mailing.id, {
      ...summary,
      leaseUntil: leaseAfterFailure(
        new Date(),
        attempt,
        options.retries.retryDelayMs,
        options.claimTimeoutSeconds,
      ).toISOString(),
    })
    throw new RetryableSendFailure(
      `${progress.failed} of ${progress.total} emails of ${mailing.key} failed (${lastError}); retrying later`,
    )
  }
  if (counts.claimed > 0) {
    // Another worker holds claims (or held them when it stopped): the mailing is resumed once its lease ends.
    await updateMailing(payload, mailing.id, { ...summary, leaseUntil: leaseFromNow(options) })
    return summary
  }
  await updateMailing(payload, mailing.id, {
    ...summary,
    status: counts.failed > 0 ? MAILING_STATUS.failed : MAILING_STATUS.done,
    completedAt: new Date().toISOString(),
    leaseUntil: null,
  })
  return summary
}

/**
 * Sends one mailing to everyone it is for, batch by batch: claim each recipient's delivery, send,
 * mark it sent as the server accepts it. Safe to run again (after a failure, a crash, or beside a
 * second worker): only unclaimed, failed or abandoned deliveries are sent. Throws
 * RetryableSendFailure when some sends failed, so the job queue retries later with backoff.
 */
export const sendMailing = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
  onProgress?: (progress: FanOutProgress) => void,
): Promise<MailingResult> => {
  const attempt = await startAttempt(payload, options, mailing)
  const plan = await mailingPlanFor(payload, options, mailing)
  const progress: FanOutProgress = { sent: 0, failed: 0, total: 0 }
  let lastError: string | undefined
  if (plan) {
    progress.total = (
      await payload.count({
        collection: SUBSCRIBERS_SLUG,
        where: plan.recipients,
        overrideAccess: true,
      })
    ).totalDocs
    lastError = await sendToRecipients(payload, options, mailing, plan, progress, onProgress)
  }
  return finishAttempt(payload, options, mailing, attempt, progress, lastError)
}
