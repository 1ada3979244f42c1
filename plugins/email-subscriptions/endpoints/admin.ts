import { toCsv } from '@q-community/plugin-shared/csv'
import { htmlPage } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import {
  APIError,
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { DELIVERIES_SLUG, MESSAGES, SUBSCRIBERS_SLUG } from '../constants'
import { placeholderLinks } from '../email/send'
import { digestItemsFor, digestPeriod } from '../rules/digest'
import { excerptOf } from '../rules/firstPublication'
import { withPreviewWarnings } from '../rules/previewWarnings'
import type { RenderedEmail, SanitizedOptions, TopicDocument } from '../types'
import { deliveryStoreFor } from '../utilities/deliveryStore'
import { digestCandidates } from '../utilities/mailingPlans'
import { documentURL, lastDigestEnd } from '../utilities/mailings'
import { type SubscriberRow, subscriberStats } from '../utilities/subscriberStats'

type FullSubscriber = SubscriberRow & {
  id: number | string
  email: string
  member?: number | string | null
  bounceCount?: number | null
  createdAt: string
  consent?: {
    at?: string | null
    source?: string | null
    ipHash?: string | null
    wordingVersion?: string | null
  } | null
}

/** 401 for visitors, 403 for everyone else who is not an admin. */
const refusal = (req: PayloadRequest) =>
  req.user ? new APIError(MESSAGES.adminsOnlyData, 403) : new APIError(MESSAGES.logInAsAdmin, 401)

const allSubscribers = async (req: PayloadRequest, select?: Record<string, true>) =>
  (
    await req.payload.find({
      collection: SUBSCRIBERS_SLUG,
      pagination: false,
      depth: 0,
      sort: 'id',
      overrideAccess: true,
      ...(select ? { select } : {}),
    })
  ).docs as FullSubscriber[]

/** What the figures read: no addresses, no consent records. */
const STATS_FIELDS = {
  status: true,
  frequency: true,
  topics: true,
  confirmedAt: true,
  unsubscribedAt: true,
} as const

const findSubscriber = async (req: PayloadRequest) => {
  const id = req.routeParams?.id
  if (typeof id !== 'string' && typeof id !== 'number') return null
  return (await req.payload.findByID({
    collection: SUBSCRIBERS_SLUG,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as FullSubscriber | null
}

/** An admin-only handler for `/:id/…`: 401/403 for others, 404 naming `id` when there is no such subscriber. */
const forOneSubscriber =
  (
    options: SanitizedOptions,
    handle: (req: PayloadRequest, subscriber: FullSubscriber) => Promise<Response>,
  ) =>
  async (req: PayloadRequest) => {
    if (!options.isAdmin(req.user)) throw refusal(req)
    const subscriber = await findSubscriber(req)
    if (!subscriber) return errorResponse(404, 'No subscriber with this id.', 'id')
    return handle(req, subscriber)
  }

const CSV_COLUMNS = [
  'email',
  'status',
  'frequency',
  'topics',
  'member',
  'confirmedAt',
  'unsubscribedAt',
  'bounceCount',
  'consentAt',
  'consentSource',
  'consentWordingVersion',
  'createdAt',
] as const

/** Admin tools: figures for the overview, CSV export, and one subscriber's data export and erasure (UK GDPR). */
export const adminEndpoints = (options: SanitizedOptions): Endpoint[] => [
  {
    path: '/stats',
    method: 'get',
    handler: async (req) => {
      if (!options.isAdmin(req.user)) throw refusal(req)
      const stats = subscriberStats(
        await allSubscribers(req, STATS_FIELDS),
        options.topics,
        new Date(),
      )
      const topicLabels = Object.fromEntries(
        options.topics.map((topic) => [topic, options.topicLabels[topic] ?? topic]),
      )
      return Response.json({ ...stats, topicLabels }, { headers: { 'Cache-Control': 'no-store' } })
    },
  },
  {
    path: '/export.csv',
    method: 'get',
    handler: async (req) => {
      if (!options.isAdmin(req.user)) throw refusal(req)
      const rows = (await allSubscribers(req)).map((row) => ({
        email: row.email,
        status: row.status,
        frequency: row.frequency,
        topics: (row.topics ?? []).join(' '),
        member: row.member ?? '',
        confirmedAt: row.confirmedAt ?? '',
        unsubscribedAt: row.unsubscribedAt ?? '',
        bounceCount: row.bounceCount ?? 0,
        consentAt: row.consent?.at ?? '',
        consentSource: row.consent?.source ?? '',
        consentWordingVersion: row.consent?.wordingVersion ?? '',
        createdAt: row.createdAt,
      }))
      // Addresses and consent sources come from the public: no cell may run as a formula.
      const csv = toCsv(rows, CSV_COLUMNS)
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
          'Cache-Control': 'no-store',
        },
      })
    },
  },
  {
    // Subject access request: everything held about one subscriber, as JSON.
    path: '/:id/export',
    method: 'get',
    handler: forOneSubscriber(options, async (req, subscriber) => {
      const deliveries = await deliveryStoreFor(req.payload).forSubscriber(String(subscriber.id))
      return Response.json(
        { exportedAt: new Date().toISOString(), subscriber, deliveries },
        {
          headers: {
            'Content-Disposition': `attachment; filename="subscriber-${String(subscriber.id)}.json"`,
            'Cache-Control': 'no-store',
          },
        },
      )
    }),
  },
  {
    // Right to erasure: the subscriber and their delivery records are deleted, not anonymised.
    path: '/:id/erase',
    method: 'post',
    handler: forOneSubscriber(options, async (req, subscriber) => {
      // One transaction: either both go, or neither.
      const ownTransaction = await initTransaction(req)
      try {
        const { docs } = await req.payload.delete({
          collection: DELIVERIES_SLUG,
          where: { subscriberId: { equals: String(subscriber.id) } },
          overrideAccess: true,
          req,
        })
        await req.payload.delete({
          collection: SUBSCRIBERS_SLUG,
          id: subscriber.id,
          overrideAccess: true,
          req,
        })
        if (ownTransaction) await commitTransaction(req)
        return Response.json({ erased: true, deliveries: docs.length })
      } catch (err) {
        if (ownTransaction) await killTransaction(req)
        throw err
      }
    }),
  },
  {
    // What subscribers would receive, for staff: a document's announcement (drafts included, for
    // those who can read them), or with `kind=digest` the digest as it would go out now.
    path: '/preview',
    method: 'get',
    handler: async (req) => {
      if (!req.user || req.user.collection === options.memberCollection) throw refusal(req)
      if (req.searchParams.get('kind') === 'digest') {
        const period = digestPeriod(new Date(), await lastDigestEnd(req.payload))
        const candidates = await digestCandidates(req.payload, options, {
          start: period.start.toISOString(),
          end: period.end.toISOString(),
        })
        if (!candidates.length)
          return htmlPage(
            'No digest to send',
            'Nothing has been published since the last digest: no digest would go out now.',
          )
        const items = digestItemsFor({ id: 'preview', topics: options.topics }, candidates).map(
          ({ key: _key, publishedAt: _at, ...item }) => item,
        )
        return previewResponse(
          req,
          options,
          await options.templates.digest({
            items,
            periodStart: period.start,
            periodEnd: period.end,
            ...placeholderLinks(options),
          }),
        )
      }
      const collection = req.searchParams.get('collection') ?? ''
      if (!options.topics.includes(collection))
        return errorResponse(
          400,
          `collection must be one of: ${options.topics.join(', ')}.`,
          'collection',
        )
      const id = req.searchParams.get('id') ?? ''
      const doc = id
        ? await req.payload
            .findByID({
              collection,
              id,
              depth: 0,
              draft: true,
              overrideAccess: false,
              user: req.user,
              disableErrors: true,
            })
            .catch(() => null)
        : null
      if (!doc) return errorResponse(404, 'No document with this id that you can read.', 'id')
      const topicDoc: TopicDocument = doc
      const email = await options.templates.publication({
        topic: collection,
        topicLabel: options.topicLabels[collection] ?? collection,
        title: typeof topicDoc.title === 'string' ? topicDoc.title : String(topicDoc.id),
        excerpt: excerptOf(topicDoc),
        url: documentURL(options, collection, topicDoc),
        ...placeholderLinks(options),
      })
      return previewResponse(req, options, email)
    },
  },
]

/** A preview with the host's content warnings (`contentWarnings`) on what the email says. */
const previewResponse = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  email: RenderedEmail,
) => {
  const warnings = await options.contentWarnings({ text: `${email.subject}\n${email.text}`, req })
  const response = emailResponse(req, withPreviewWarnings(email, warnings))
  response.headers.set('X-Content-Warnings', String(warnings.length))
  return response
}

/** An email as staff see it: the HTML part, or with `format=text` the subject and text part. */
const emailResponse = (req: PayloadRequest, email: RenderedEmail) =>
  req.searchParams.get('format') === 'text'
    ? new Response(`Subject: ${email.subject}\n\n${email.text}`, {
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      })
    : new Response(email.html, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Email-Subject': encodeURIComponent(email.subject),
        },
      })
