import { SLUGS } from '@collections/slugs'
import type { Member } from '@q-community/cms-client/types'
import { memberDataExport } from '@q-community/comment-moderation'
import { memberSubscriptionExport } from '@q-community/email-subscriptions'
import { readInPages } from '@q-community/plugin-shared/readInPages'
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { hasCollection } from './hasCollection'
import { type JsonPart, jsonPieces } from './jsonStream'
import { ERASURE_TABLE } from './rules'

/** Never exported: what proves who someone is (password hash, salt, link and reset tokens). */
const SECRET_FIELDS = new Set([
  'hash',
  'salt',
  'password',
  'resetPasswordToken',
  'pendingEmailTokenHash',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  '_verificationToken',
  'apiKey',
  'apiKeyIndex',
])

export const PAGE_SIZE = 200

/** What the export says of content naming the member: which document, and whether it is public. */
const CONTENT_FIELDS = {
  title: true,
  slug: true,
  _status: true,
  publishedAt: true,
  createdAt: true,
} as const

const profileOf = (member: Member) =>
  Object.fromEntries(Object.entries(member).filter(([key]) => !SECRET_FIELDS.has(key)))

/** Login metadata: when each session began and ends (not its id, which signs a login), lock state. */
const loginOf = (member: Member) => ({
  sessions: (member.sessions ?? []).map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt })),
  loginAttempts: member.loginAttempts ?? 0,
  lockUntil: member.lockUntil ?? null,
  resetPasswordRequestedAt: member.resetPasswordRequestedAt ?? null,
})

const connectionsWhere = (memberId: number): Where => ({
  or: [{ from: { equals: memberId } }, { to: { equals: memberId } }],
})

/** The other party by name only when the member may read them (the directory's own rule). */
async function* connectionsOf(req: PayloadRequest, member: Member) {
  const asMember = { ...member, collection: SLUGS.members }
  for await (const row of readInPages(req, {
    collection: SLUGS.connections,
    where: connectionsWhere(member.id),
    pageSize: PAGE_SIZE,
  })) {
    const outgoing = String(row.from) === String(member.id)
    const otherId = outgoing ? row.to : row.from
    const other =
      typeof otherId === 'number' || typeof otherId === 'string'
        ? await req.payload.findByID({
            collection: SLUGS.members,
            id: otherId,
            depth: 0,
            overrideAccess: false,
            user: asMember,
            disableErrors: true,
            select: { name: true },
            // Without `req`: given one, the Local API makes `user` its user for the rest of the
            // request (a staff export would go on as the member).
          })
        : null
    yield {
      direction: outgoing ? 'sent' : 'received',
      otherMember: other ? other.name : null,
      status: row.status,
      source: row.source ?? null,
      requestedAt: row.requestedAt ?? null,
      acceptedAt: row.acceptedAt ?? null,
    }
  }
}

const countOf = async (req: PayloadRequest, collection: CollectionSlug, where: Where) =>
  (await req.payload.count({ collection, where, overrideAccess: true, req })).totalDocs

const consentSlug = (req: PayloadRequest): CollectionSlug | null => {
  const slug: string = SLUGS.consentRecords
  return hasCollection(req, slug) ? slug : null
}

/** Plain sentences: what we hold, why, and how much of it. */
const summaryOf = async (req: PayloadRequest, member: Member, exportedAt: string) => {
  const consent = consentSlug(req)
  const [comments, connections, consents] = await Promise.all([
    countOf(req, 'comments', { author: { equals: member.id } }),
    countOf(req, SLUGS.connections, connectionsWhere(member.id)),
    consent ? countOf(req, consent, { member: { equals: member.id } }) : Promise.resolve(0),
  ])
  return [
    `This is everything the Q Community CMS holds about member ${member.name}, exported on ${exportedAt}.`,
    'We hold your profile to run your membership and show you in the directory if you chose to be listed; your choices are under profile.',
    `We hold ${member.sessions?.length ?? 0} login sessions and your failed login count to keep your account secure.`,
    `You wrote ${comments} comments; each comes with the moderation decisions taken on it, to show how the comments policy was applied.`,
    `You have ${connections} connections with other members; another member is named only if you can see them in the directory.`,
    'Your email subscription, if you have one, and the record of each email we sent you are under subscription and deliveries.',
    'Blog posts you wrote are under postsAuthored, and interviews with you under interviews.',
    `We hold ${consents} records of the consent choices you made, with the wording version you saw.`,
    `If you erase your account: ${ERASURE_TABLE.map(({ data, action }) => `${data} — ${action}`).join('; ')}.`,
  ]
}

/**
 * A member's subject access export (UK GDPR art. 15) as JSON pieces: summary, profile, login,
 * comments (with decisions), reports made, connections, subscription and deliveries, consent
 * records, posts they wrote, interviews with them and erasure requests. Long lists are read a page at a time while the answer is written.
 */
export const memberExportPieces = (req: PayloadRequest, member: Member) => {
  const exportedAt = new Date().toISOString()
  const consent = consentSlug(req)
  const fromComments = memberDataExport(req, member.id, { pageSize: PAGE_SIZE })
  // Read when the stream gets there, once for both parts.
  let subscriptionRead: ReturnType<typeof memberSubscriptionExport> | null = null
  const subscription = () =>
    (subscriptionRead ??= memberSubscriptionExport(
      req,
      { id: member.id, email: member.email },
      { pageSize: PAGE_SIZE },
    ))
  const parts: Array<[string, () => JsonPart]> = [
    ['exportedAt', () => exportedAt],
    ['summary', () => summaryOf(req, member, exportedAt)],
    ['profile', () => profileOf(member)],
    ['login', () => loginOf(member)],
    ['comments', () => fromComments.comments],
    ['reportsMade', () => fromComments.reportsMade],
    ['connections', () => connectionsOf(req, member)],
    ['subscription', async () => (await subscription()).subscription],
    ['deliveries', async () => (await subscription()).deliveries],
    [
      'consentRecords',
      () =>
        consent
          ? readInPages(req, {
              collection: consent,
              where: { member: { equals: member.id } },
              pageSize: PAGE_SIZE,
            })
          : [],
    ],
    [
      'postsAuthored',
      () =>
        readInPages(req, {
          collection: SLUGS.blogs,
          where: {
            and: [
              { 'author.relationTo': { equals: SLUGS.members } },
              { 'author.value': { equals: member.id } },
            ],
          },
          select: CONTENT_FIELDS,
          pageSize: PAGE_SIZE,
        }),
    ],
    [
      'interviews',
      () =>
        readInPages(req, {
          collection: SLUGS.interviews,
          where: { interviewee: { equals: member.id } },
          select: CONTENT_FIELDS,
          pageSize: PAGE_SIZE,
        }),
    ],
    [
      'erasureRequests',
      () =>
        readInPages(req, {
          collection: SLUGS.erasureRequests,
          where: { member: { equals: member.id } },
          select: {
            status: true,
            source: true,
            requestedAt: true,
            expiresAt: true,
            completedAt: true,
          },
          pageSize: PAGE_SIZE,
        }),
    ],
  ]
  return jsonPieces(parts)
}
