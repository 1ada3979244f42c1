import type { Payload, PayloadRequest } from 'payload'

import { MAILING_KIND, MAILING_STATUS, MAILINGS_SLUG, TASK_SEND_MAILING } from '../constants'
import { type FanOutProgress, sendMailing } from '../email/sendMailing'
import { digestPeriod, isDigestDue, latestScheduledRun } from '../rules/digest'
import { excerptOf, publicationMailingKey } from '../rules/firstPublication'
import type { SanitizedOptions, TopicDocument } from '../types'
import type { MailingDoc } from './mailingPlans'

/** Where a document lives on the frontend (see the `frontendURL` option). */
export const documentURL = (
  options: SanitizedOptions,
  collection: string,
  doc: TopicDocument,
): string => {
  const configured = options.frontendURL[collection]
  if (typeof configured === 'function') return configured(doc)
  const base = configured ?? `${options.serverURL}/${collection}`
  const path = typeof doc.slug === 'string' && doc.slug ? doc.slug : String(doc.id)
  return `${base.replace(/\/$/, '')}/${encodeURIComponent(path)}`
}

const findMailing = async (payload: Payload, key: string, req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: MAILINGS_SLUG,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs[0] as MailingDoc | undefined) ?? null
}

const queueSend = (
  payload: Payload,
  options: SanitizedOptions,
  key: string,
  req?: PayloadRequest,
) =>
  payload.jobs.queue({
    task: TASK_SEND_MAILING,
    input: { mailing: key },
    queue: options.queue.name,
    req,
  })

/**
 * Records a document's first publication and queues its announcement, in the editor's transaction
 * (`req`): if the save rolls back, nothing is announced. Returns false when it was announced before.
 */
export const announcePublication = async (
  payload: Payload,
  options: SanitizedOptions,
  collection: string,
  doc: TopicDocument,
  req?: PayloadRequest,
): Promise<boolean> => {
  const key = publicationMailingKey(collection, doc.id)
  if (await findMailing(payload, key, req)) return false
  const now = new Date()
  await payload.create({
    collection: MAILINGS_SLUG,
    data: {
      key,
      kind: MAILING_KIND.publication,
      status: MAILING_STATUS.queued,
      topic: collection,
      documentId: String(doc.id),
      title: typeof doc.title === 'string' ? doc.title : String(doc.id),
      excerpt: excerptOf(doc),
      url: documentURL(options, collection, doc),
      firstPublishedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + options.claimTimeoutSeconds * 1000).toISOString(),
    },
    overrideAccess: true,
    req,
  })
  await queueSend(payload, options, key, req)
  return true
}

/** Where the previous digest's period ended (the next one starts there). */
export const lastDigestEnd = async (payload: Payload): Promise<Date | null> => {
  const { docs } = await payload.find({
    collection: MAILINGS_SLUG,
    where: { kind: { equals: MAILING_KIND.digest } },
    sort: '-periodEnd',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const end = (docs[0] as MailingDoc | undefined)?.periodEnd
  return end ? new Date(end) : null
}

/**
 * Creates the digest mailing for the publications since the previous digest, up to `end`. A given
 * `key` is created once, so the schedule firing twice, or on two workers, makes one digest.
 */
export const createDigestMailing = async (
  payload: Payload,
  options: SanitizedOptions,
  args: { end: Date; key: string; queue: boolean },
): Promise<MailingDoc> => {
  const existing = await findMailing(payload, args.key)
  if (existing) return existing
  const period = digestPeriod(args.end, await lastDigestEnd(payload))
  const mailing = await payload.create({
    collection: MAILINGS_SLUG,
    data: {
      key: args.key,
      kind: MAILING_KIND.digest,
      status: MAILING_STATUS.queued,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      leaseUntil: new Date(Date.now() + options.claimTimeoutSeconds * 1000).toISOString(),
    },
    overrideAccess: true,
  })
  if (args.queue) await queueSend(payload, options, args.key)
  return mailing as MailingDoc
}

/** The scheduled weekly digest, when the schedule has fired and no digest covers it yet. */
export const queueScheduledDigestIfDue = async (
  payload: Payload,
  options: SanitizedOptions,
  now: Date,
): Promise<MailingDoc | null> => {
  const latestRun = latestScheduledRun(options.digest, now)
  if (!latestRun || !isDigestDue({ latestRun, now, lastDigestEnd: await lastDigestEnd(payload) }))
    return null
  return createDigestMailing(payload, options, {
    end: latestRun,
    key: `digest:${latestRun.toISOString()}`,
    queue: true,
  })
}

/** A digest now, for staff (`POST /api/subscribers/digest`, `npm run digest`). */
export const createDigestNow = (payload: Payload, options: SanitizedOptions, queue: boolean) => {
  const now = new Date()
  return createDigestMailing(payload, options, {
    end: now,
    key: `digest:manual:${now.toISOString()}`,
    queue,
  })
}

/**
 * Mailings whose worker stopped (killed, crashed, deployed over) before finishing: their lease has
 * run out. Each gets a new job; the deliveries already sent are not sent again.
 */
export const resumeAbandonedMailings = async (
  payload: Payload,
  options: SanitizedOptions,
  now: Date,
): Promise<string[]> => {
  const { docs } = await payload.find({
    collection: MAILINGS_SLUG,
    where: {
      status: { in: [MAILING_STATUS.queued, MAILING_STATUS.sending] },
      leaseUntil: { less_than: now.toISOString() },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const resumed: string[] = []
  for (const mailing of docs as MailingDoc[]) {
    await payload.update({
      collection: MAILINGS_SLUG,
      id: mailing.id,
      data: {
        leaseUntil: new Date(now.getTime() + options.claimTimeoutSeconds * 1000).toISOString(),
      },
      overrideAccess: true,
    })
    await queueSend(payload, options, mailing.key)
    resumed.push(mailing.key)
  }
  return resumed
}

/** Sends a mailing by key (the job's work); finished mailings are left alone. */
export const runMailingByKey = async (
  payload: Payload,
  options: SanitizedOptions,
  key: string,
  onProgress?: (progress: FanOutProgress) => void,
) => {
  const mailing = await findMailing(payload, key)
  if (
    !mailing ||
    mailing.status === MAILING_STATUS.done ||
    mailing.status === MAILING_STATUS.failed
  )
    return null
  return sendMailing(payload, options, mailing, onProgress)
}
