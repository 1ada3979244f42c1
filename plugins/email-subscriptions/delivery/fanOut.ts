import type { Payload, Where } from 'payload'

import { DELIVERY_STATUS, MAILING_KIND, MAILING_STATUS, MAILINGS_SLUG, SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import { messageIdFor, personalise, placeholderLinks, sendEmail, subscriberEmail } from '../email/send'
import { digestItemsFor } from '../rules/digest'
import { leaseAfterFailure } from '../rules/lease'
import { hashToken, manageTokenFor, newManageCredentials } from '../tokens'
import type { PublicationItem, RenderedEmail, ResolvedSubscriptionOptions, TopicDocument } from '../types'
import { deliveryKey, type DeliveryStore, deliveryStoreFor } from './deliveryStore'

export type MailingDoc = {
  id: number | string
  key: string
  kind: string
  status: string
  topic?: string | null
  documentId?: string | null
  title?: string | null
  excerpt?: string | null
  url?: string | null
  firstPublishedAt?: string | null
  periodStart?: string | null
  periodEnd?: string | null
  attempts?: number | null
}

type Recipient = { id: number | string; email: string; topics?: string[] | null; manageKey?: string | null; manageTokenHash?: string | null }

/** Who a mailing goes to and what each recipient reads (`null`: nothing for them). */
type MailingPlan = {
  recipients: Where
  /** Whether `contentFor` reads the recipient's topics (reading them costs a join per batch). */
  readsTopics: boolean
  contentFor: (recipient: Recipient) => Promise<RenderedEmail | null>
}

export type FanOutProgress = { sent: number; failed: number; total: number }

/** Sends at most this many messages at once; a pooled transport queues them on its connections. */
const SEND_CONCURRENCY = 50
/** Marks of accepted messages are written together within this many ms (short: a crash in between resends those). */
const MARK_INTERVAL_MS = 50

const confirmedWith = (frequency: 'instant' | 'weekly', topics: string[]): Where[] => [
  { status: { equals: SUBSCRIBER_STATUS.confirmed } },
  { frequency: { equals: frequency } },
  { topics: { in: topics } },
]

const audienceWhere = async (payload: Payload, options: ResolvedSubscriptionOptions, collection: string, id: string): Promise<Where | undefined | null> => {
  if (!options.audience) return undefined
  const doc = await payload.findByID({ collection: collection as never, id, depth: 1, overrideAccess: true, disableErrors: true })
  return doc ? options.audience({ collection, doc: doc as unknown as TopicDocument, payload }) : null
}

const publicationPlan = async (payload: Payload, options: ResolvedSubscriptionOptions, mailing: MailingDoc): Promise<MailingPlan | null> => {
  const topic = mailing.topic ?? ''
  const narrowed = await audienceWhere(payload, options, topic, mailing.documentId ?? '')
  if (narrowed === null) return null
  const item: PublicationItem = { topic, topicLabel: options.topicLabels[topic] ?? topic, title: mailing.title ?? '', excerpt: mailing.excerpt ?? '', url: mailing.url ?? '' }
  // Rendered once; each recipient's own token replaces the placeholder.
  const email = await options.templates.publication({ ...item, ...placeholderLinks(options) })
  return { recipients: { and: [...confirmedWith('instant', [topic]), ...(narrowed ? [narrowed] : [])] }, readsTopics: false, contentFor: async () => email }
}

export type DigestCandidate = PublicationItem & { key: string; publishedAt: Date }

/** Publications announced in the period whose documents the public can still read. */
export const digestCandidates = async (payload: Payload, options: ResolvedSubscriptionOptions, period: { start: string; end: string }): Promise<DigestCandidate[]> => {
  const { docs } = await payload.find({
    collection: MAILINGS_SLUG as never,
    where: { kind: { equals: MAILING_KIND.publication }, firstPublishedAt: { greater_than_equal: period.start, less_than: period.end } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const announced = docs as unknown as MailingDoc[]
  const stillPublic = new Set<string>()
  for (const topic of new Set(announced.map((doc) => doc.topic ?? ''))) {
    const ids = announced.filter((doc) => doc.topic === topic).map((doc) => doc.documentId)
    const visible = await payload.find({ collection: topic as never, where: { id: { in: ids } }, pagination: false, depth: 0, select: {} as never, overrideAccess: false })
    for (const doc of visible.docs as unknown as Array<{ id: number | string }>) stillPublic.add(`${topic}:${String(doc.id)}`)
  }
  return announced
    .filter((doc) => stillPublic.has(`${doc.topic}:${doc.documentId}`))
    .map((doc) => ({
      key: doc.key,
      topic: doc.topic ?? '',
      topicLabel: options.topicLabels[doc.topic ?? ''] ?? doc.topic ?? '',
      title: doc.title ?? '',
      excerpt: doc.excerpt ?? '',
      url: doc.url ?? '',
      publishedAt: new Date(doc.firstPublishedAt ?? 0),
    }))
}

const digestPlan = async (payload: Payload, options: ResolvedSubscriptionOptions, mailing: MailingDoc): Promise<MailingPlan | null> => {
  const candidates = await digestCandidates(payload, options, { start: mailing.periodStart ?? '', end: mailing.periodEnd ?? '' })
  if (!candidates.length) return null
  const recipients: Where = { and: confirmedWith('weekly', [...new Set(candidates.map((item) => item.topic))]) }
  // An audience rule narrows an item to the weekly subscribers it allows.
  const allowed = new Map<string, Set<string>>()
  for (const item of candidates) {
    const [, collection = '', id = ''] = /^publication:([^:]+):(.+)$/.exec(item.key) ?? []
    const narrowed = await audienceWhere(payload, options, collection, id)
    if (narrowed === undefined) continue
    const matching = narrowed
      ? await payload.find({ collection: SUBSCRIBERS_SLUG as never, where: { and: [recipients, narrowed] }, pagination: false, depth: 0, select: {} as never, overrideAccess: true })
      : { docs: [] }
    allowed.set(item.key, new Set((matching.docs as unknown as Array<{ id: number | string }>).map((doc) => String(doc.id))))
  }
  const rendered = new Map<string, Promise<RenderedEmail>>()
  const periodStart = new Date(mailing.periodStart ?? 0)
  const periodEnd = new Date(mailing.periodEnd ?? 0)
  return {
    recipients,
    readsTopics: true,
    contentFor: async (recipient) => {
      const items = digestItemsFor({ id: String(recipient.id), topics: recipient.topics ?? [] }, candidates, allowed)
      if (!items.length) return null
      // Subscribers with the same items share one rendering.
      const cacheKey = items.map((item) => item.key).join('|')
      if (!rendered.has(cacheKey)) {
        rendered.set(cacheKey, Promise.resolve(options.templates.digest({ items: items.map(({ key: _key, publishedAt: _at, ...item }) => item), periodStart, periodEnd, ...placeholderLinks(options) })))
      }
      return rendered.get(cacheKey) ?? null
    },
  }
}

const updateMailing = (payload: Payload, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: MAILINGS_SLUG as never, id, data: data as never, overrideAccess: true, depth: 0 })

/**
 * The token a recipient's links carry; subscribers saved before manage keys existed get one now.
 * A stored hash made under an earlier key (before tokens had their own derived key) is replaced:
 * links in older emails then stop working, and this email carries one that works.
 */
const manageTokenOf = async (payload: Payload, recipient: Recipient): Promise<string> => {
  if (recipient.manageKey) {
    const manageToken = manageTokenFor(payload.secret, recipient.manageKey)
    const manageTokenHash = hashToken(manageToken)
    if (recipient.manageTokenHash !== manageTokenHash) {
      await payload.update({ collection: SUBSCRIBERS_SLUG as never, id: recipient.id, data: { manageTokenHash } as never, overrideAccess: true })
    }
    return manageToken
  }
  const { manageKey, manageToken, manageTokenHash } = newManageCredentials(payload.secret)
  await payload.update({ collection: SUBSCRIBERS_SLUG as never, id: recipient.id, data: { manageKey, manageTokenHash } as never, overrideAccess: true })
  return manageToken
}

/**
 * Writes the outcome of sends a few milliseconds apart, one statement per status, rather than one
 * statement per message.
 */
const createMarker = (store: DeliveryStore, mailing: string) => {
  let sent: string[] = []
  let failed: string[] = []
  let lastError: string | undefined
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()
  const flush = () => {
    timer = undefined
    const [sentIds, failedIds, error] = [sent, failed, lastError]
    sent = []
    failed = []
    if (sentIds.length) writing = writing.then(() => store.mark(mailing, sentIds, DELIVERY_STATUS.sent))
    if (failedIds.length) writing = writing.then(() => store.mark(mailing, failedIds, DELIVERY_STATUS.failed, error))
  }
  const schedule = () => {
    timer ??= setTimeout(flush, MARK_INTERVAL_MS)
  }
  return {
    sent: (id: string) => {
      sent.push(id)
      schedule()
    },
    failed: (id: string, error: string) => {
      failed.push(id)
      lastError = error
      schedule()
    },
    drain: async () => {
      clearTimeout(timer)
      flush()
      await writing
    },
  }
}

export class RetryableSendFailure extends Error {}

/**
 * Sends one mailing to everyone it is for, batch by batch: claim each recipient's delivery, send,
 * mark it sent as the server accepts it. Safe to run again (after a failure, a crash, or beside a
 * second worker): only unclaimed, failed or abandoned deliveries are sent. Throws
 * RetryableSendFailure when some sends failed, so the job queue retries later with backoff.
 */
export const sendMailing = async (
  payload: Payload,
  options: ResolvedSubscriptionOptions,
  mailing: MailingDoc,
  onProgress?: (progress: FanOutProgress) => void,
): Promise<{ sent: number; failed: number; lastError: string | null }> => {
  const store = deliveryStoreFor(payload)
  const attempt = (mailing.attempts ?? 0) + 1
  const lease = () => new Date(Date.now() + options.claimTimeoutSeconds * 1000).toISOString()
  await updateMailing(payload, mailing.id, { status: MAILING_STATUS.sending, attempts: attempt, leaseUntil: lease() })

  const plan = mailing.kind === MAILING_KIND.digest ? await digestPlan(payload, options, mailing) : await publicationPlan(payload, options, mailing)
  const progress: FanOutProgress = { sent: 0, failed: 0, total: 0 }
  let lastError: string | undefined
  if (plan) {
    progress.total = (await payload.count({ collection: SUBSCRIBERS_SLUG as never, where: plan.recipients, overrideAccess: true })).totalDocs
    // Straight from the adapter: the rows need no access checks or read hooks, and at 10,000
    // recipients the Local API's per-document work is a visible share of the fan-out's time.
    const loadBatchAfter = async (cursor: number | string | undefined) =>
      (
        await payload.db.find<Recipient>({
          collection: SUBSCRIBERS_SLUG as never,
          where: cursor === undefined ? plan.recipients : { and: [plan.recipients, { id: { greater_than: cursor } }] },
          sort: 'id',
          limit: options.batchSize,
          pagination: false,
          select: plan.readsTopics ? { email: true, topics: true, manageKey: true, manageTokenHash: true } : { email: true, manageKey: true, manageTokenHash: true },
        })
      ).docs
    const marker = createMarker(store, mailing.key)
    // Sends in flight, and the loop waiting for a free slot (one waiter: this loop).
    let inFlight = 0
    let slotFreed: (() => void) | undefined
    let allDone: (() => void) | undefined
    // The next batch is read while this one is sent, so the pool never waits on the database.
    // (A read that fails is rethrown where it is awaited; the no-op handler only keeps it from
    // counting as unhandled in between.)
    const prefetch = (cursor: number | string | undefined) => {
      const reading = loadBatchAfter(cursor)
      reading.catch(() => undefined)
      return reading
    }
    let nextBatch = prefetch(undefined)
    for (;;) {
      const batch = await nextBatch
      if (!batch.length) break
      nextBatch = prefetch(batch[batch.length - 1]?.id)

      const contents = new Map<string, RenderedEmail>()
      for (const recipient of batch) {
        const content = await plan.contentFor(recipient)
        if (content) contents.set(String(recipient.id), content)
      }
      const claimed = await store.claim(mailing.key, [...contents.keys()], new Date(), options.claimTimeoutSeconds)
      await updateMailing(payload, mailing.id, { leaseUntil: lease() })
      for (const recipient of batch) {
        const id = String(recipient.id)
        const content = contents.get(id)
        if (!content || !claimed.has(id)) continue
        // No barrier between batches: the next batch is claimed while this one's last sends finish.
        while (inFlight >= SEND_CONCURRENCY) await new Promise<void>((resolve) => (slotFreed = resolve))
        const manageToken = await manageTokenOf(payload, recipient)
        const message = subscriberEmail(options, { to: recipient.email, manageToken, email: personalise(content, manageToken), messageId: messageIdFor(options, deliveryKey(mailing.key, id)) })
        inFlight += 1
        void sendEmail(payload, options, message).then(
          () => {
            marker.sent(id)
            progress.sent += 1
          },
          (err: unknown) => {
            lastError = err instanceof Error ? err.message : String(err)
            marker.failed(id, lastError)
            progress.failed += 1
          },
        ).finally(() => {
          inFlight -= 1
          slotFreed?.()
          if (inFlight === 0) allDone?.()
        })
      }
      onProgress?.(progress)
    }
    if (inFlight > 0) await new Promise<void>((resolve) => (allDone = resolve))
    await marker.drain()
    onProgress?.(progress)
  }

  const counts = await store.countByStatus(mailing.key)
  const summary = { sent: counts.sent, failed: counts.failed, lastError: lastError ?? null }
  if (progress.failed > 0 && attempt < options.retries.attempts) {
    await updateMailing(payload, mailing.id, { ...summary, leaseUntil: leaseAfterFailure(new Date(), attempt, options.retries.retryDelayMs, options.claimTimeoutSeconds).toISOString() })
    throw new RetryableSendFailure(`${progress.failed} of ${progress.total} emails of ${mailing.key} failed (${lastError}); retrying later`)
  }
  if (counts.claimed > 0) {
    // Another worker holds claims (or held them when it stopped): the mailing is resumed once its lease ends.
    await updateMailing(payload, mailing.id, { ...summary, leaseUntil: lease() })
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
