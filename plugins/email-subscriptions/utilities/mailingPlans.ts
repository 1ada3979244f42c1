import type { Payload, Where } from 'payload'

import { MAILING_KIND, MAILINGS_SLUG, SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import { placeholderLinks } from '../email/send'
import { digestItemsFor } from '../rules/digest'
import type { PublicationItem, RenderedEmail, SanitizedOptions } from '../types'

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

export type Recipient = {
  id: number | string
  email: string
  topics?: string[] | null
  manageKey?: string | null
  manageTokenHash?: string | null
}

/** Who a mailing goes to and what each recipient reads (`null`: nothing for them). */
export type MailingPlan = {
  recipients: Where
  /** Whether `contentFor` reads the recipient's topics (reading them costs a join per batch). */
  readsTopics: boolean
  contentFor: (recipient: Recipient) => Promise<RenderedEmail | null>
}

const confirmedWith = (frequency: 'instant' | 'weekly', topics: string[]): Where[] => [
  { status: { equals: SUBSCRIBER_STATUS.confirmed } },
  { frequency: { equals: frequency } },
  { topics: { in: topics } },
]

const audienceWhere = async (
  payload: Payload,
  options: SanitizedOptions,
  collection: string,
  id: string,
): Promise<Where | undefined | null> => {
  if (!options.audience) return undefined
  const doc = await payload.findByID({
    collection,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  return doc ? options.audience({ collection, doc, payload }) : null
}

/** An announcement: the confirmed instant subscribers of the topic (and the audience), one rendering for all. */
const publicationPlan = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
): Promise<MailingPlan | null> => {
  const topic = mailing.topic ?? ''
  const narrowed = await audienceWhere(payload, options, topic, mailing.documentId ?? '')
  if (narrowed === null) return null
  const item: PublicationItem = {
    topic,
    topicLabel: options.topicLabels[topic] ?? topic,
    title: mailing.title ?? '',
    excerpt: mailing.excerpt ?? '',
    url: mailing.url ?? '',
  }
  // Rendered once; each recipient's own token replaces the placeholder.
  const email = await options.templates.publication({ ...item, ...placeholderLinks(options) })
  return {
    recipients: { and: [...confirmedWith('instant', [topic]), ...(narrowed ? [narrowed] : [])] },
    readsTopics: false,
    contentFor: async () => email,
  }
}

export type DigestCandidate = PublicationItem & { key: string; publishedAt: Date }

/** Publications announced in the period whose documents the public can still read. */
export const digestCandidates = async (
  payload: Payload,
  options: SanitizedOptions,
  period: { start: string; end: string },
): Promise<DigestCandidate[]> => {
  const { docs } = await payload.find({
    collection: MAILINGS_SLUG,
    where: {
      kind: { equals: MAILING_KIND.publication },
      firstPublishedAt: { greater_than_equal: period.start, less_than: period.end },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const announced = docs as MailingDoc[]
  const stillPublic = new Set<string>()
  for (const topic of new Set(announced.map((doc) => doc.topic ?? ''))) {
    const ids = announced.filter((doc) => doc.topic === topic).map((doc) => doc.documentId)
    const visible = await payload.find({
      collection: topic,
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
      select: {},
      overrideAccess: false,
    })
    for (const doc of visible.docs) stillPublic.add(`${topic}:${String(doc.id)}`)
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

/** A digest: the confirmed weekly subscribers of the topics, each reading the items their topics and the audience allow. */
const digestPlan = async (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
): Promise<MailingPlan | null> => {
  const candidates = await digestCandidates(payload, options, {
    start: mailing.periodStart ?? '',
    end: mailing.periodEnd ?? '',
  })
  if (!candidates.length) return null
  const recipients: Where = {
    and: confirmedWith('weekly', [...new Set(candidates.map((item) => item.topic))]),
  }
  // An audience rule narrows an item to the weekly subscribers it allows.
  const allowed = new Map<string, Set<string>>()
  for (const item of candidates) {
    const [, collection = '', id = ''] = /^publication:([^:]+):(.+)$/.exec(item.key) ?? []
    const narrowed = await audienceWhere(payload, options, collection, id)
    if (narrowed === undefined) continue
    const matching = narrowed
      ? await payload.find({
          collection: SUBSCRIBERS_SLUG,
          where: { and: [recipients, narrowed] },
          pagination: false,
          depth: 0,
          select: {},
          overrideAccess: true,
        })
      : { docs: [] }
    allowed.set(item.key, new Set(matching.docs.map((doc) => String(doc.id))))
  }
  const rendered = new Map<string, Promise<RenderedEmail>>()
  const periodStart = new Date(mailing.periodStart ?? 0)
  const periodEnd = new Date(mailing.periodEnd ?? 0)
  return {
    recipients,
    readsTopics: true,
    contentFor: async (recipient) => {
      const items = digestItemsFor(
        { id: String(recipient.id), topics: recipient.topics ?? [] },
        candidates,
        allowed,
      )
      if (!items.length) return null
      // Subscribers with the same items share one rendering.
      const cacheKey = items.map((item) => item.key).join('|')
      if (!rendered.has(cacheKey)) {
        rendered.set(
          cacheKey,
          Promise.resolve(
            options.templates.digest({
              items: items.map(({ key: _key, publishedAt: _at, ...item }) => item),
              periodStart,
              periodEnd,
              ...placeholderLinks(options),
            }),
          ),
        )
      }
      return rendered.get(cacheKey) ?? null
    },
  }
}

/** Who a mailing goes to and what each reads; null when it goes to nobody (the document is gone, nothing to digest). */
export const mailingPlanFor = (
  payload: Payload,
  options: SanitizedOptions,
  mailing: MailingDoc,
): Promise<MailingPlan | null> =>
  mailing.kind === MAILING_KIND.digest
    ? digestPlan(payload, options, mailing)
    : publicationPlan(payload, options, mailing)
