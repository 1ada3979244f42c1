import { findMediaReferences } from '@collections/Media/mediaUse'
import { SLUGS } from '@collections/slugs'
import type { Member } from '@q-community/cms-client/types'
import { eraseMemberComments } from '@q-community/comment-moderation'
import { eraseMemberSubscription } from '@q-community/email-subscriptions'
import { readInPages } from '@q-community/plugin-shared/readInPages'
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { hasCollection } from './hasCollection'
import { FORMER_MEMBER } from './rules'

/** How many rows of each kind went or lost the member: the privacy log's `counts`. */
export type ErasureCounts = Record<string, number>

const deleteWhere = async (req: PayloadRequest, collection: CollectionSlug, where: Where) => {
  const { docs, errors } = await req.payload.delete({
    collection,
    where,
    overrideAccess: true,
    select: {},
    depth: 0,
    req,
  })
  if (errors.length) throw new Error(`could not delete ${errors.length} rows of ${collection}`)
  return docs.length
}

const updateWhere = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  data: Record<string, unknown>,
) => {
  const { docs, errors } = await req.payload.update({
    collection,
    where,
    data,
    overrideAccess: true,
    select: {},
    depth: 0,
    req,
  })
  if (errors.length) throw new Error(`could not update ${errors.length} rows of ${collection}`)
  return docs.length
}

/** A polymorphic relationship (`{ relationTo, value }`) that points at this member. */
const pointsAtMember = (path: string, memberId: number): Where => ({
  and: [
    { [`${path}.relationTo`]: { equals: SLUGS.members } },
    { [`${path}.value`]: { equals: memberId } },
  ],
})

/**
 * True when some document other than the member's profile uses the media `id`: in an upload field,
 * or (as `usedByPublished` records, rich text included) in published content.
 */
const mediaUsedElsewhere = async (req: PayloadRequest, mediaId: number, memberId: number) => {
  const media = await req.payload.findByID({
    collection: SLUGS.media,
    id: mediaId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  if (media?.usedByPublished) return true
  for (const [slug, { config }] of Object.entries(req.payload.collections)) {
    if (!hasCollection(req, slug) || slug === SLUGS.media) continue
    for (const path of findMediaReferences(config.fields).uploads) {
      const uses: Where = { [path]: { equals: mediaId } }
      const where =
        slug === SLUGS.members ? { and: [uses, { id: { not_equals: memberId } }] } : uses
      const { totalDocs } = await req.payload.count({ collection: slug, where, req })
      if (totalDocs > 0) return true
    }
  }
  return false
}

/** Every string anywhere in a job's input (nested objects and arrays too). */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : []

/**
 * Queued and finished jobs whose input names the member: an input value that IS their address
 * (exact, not a substring: `al@x.io` must not take `sal@x.io`'s confirmation job), or their id.
 */
const deleteJobsNaming = async (req: PayloadRequest, member: Member) => {
  const email = member.email.trim().toLowerCase()
  const ids: Array<number | string> = []
  for await (const job of readInPages(req, {
    collection: 'payload-jobs',
    where: {},
    select: { input: true },
  })) {
    const input = (job.input ?? {}) as Record<string, unknown>
    const namesEmail = stringsIn(input).some((text) => text.trim().toLowerCase() === email)
    const namesId = ['member', 'memberId'].some((key) => String(input[key]) === String(member.id))
    if (namesEmail || namesId) ids.push(job.id as number | string)
  }
  return ids.length ? deleteWhere(req, 'payload-jobs', { id: { in: ids } }) : 0
}

/**
 * Erases one member, in `req`'s transaction (the caller begins and commits it, so a failure
 * changes nothing). What goes and what stays anonymised is ERASURE_TABLE in rules.ts.
 */
export const eraseMember = async (req: PayloadRequest, member: Member): Promise<ErasureCounts> => {
  const memberId = member.id
  const counts: ErasureCounts = {}
  const comments = await eraseMemberComments(req, memberId, {
    displayName: FORMER_MEMBER,
    email: member.email,
  })
  counts.commentsAnonymised = comments.commentsAnonymised
  counts.reportsAnonymised = comments.reportsAnonymised
  const subscription = await eraseMemberSubscription(req, { id: memberId, email: member.email })
  counts.subscriptions = subscription.subscriptions
  counts.deliveries = subscription.deliveries
  counts.connections = await deleteWhere(req, SLUGS.connections, {
    or: [{ from: { equals: memberId } }, { to: { equals: memberId } }],
  })
  const consent: string = SLUGS.consentRecords
  counts.consentRecords = hasCollection(req, consent)
    ? await deleteWhere(req, consent, { member: { equals: memberId } })
    : 0
  counts.blogsAnonymised = await updateWhere(req, SLUGS.blogs, pointsAtMember('author', memberId), {
    author: null,
    authorErased: true,
  })
  counts.interviewsAnonymised = await updateWhere(
    req,
    SLUGS.interviews,
    { interviewee: { equals: memberId } },
    { interviewee: null },
  )
  counts.preferences = await deleteWhere(
    req,
    'payload-preferences',
    pointsAtMember('user', memberId),
  )
  counts.locks = await deleteWhere(req, 'payload-locked-documents', {
    or: [pointsAtMember('user', memberId), pointsAtMember('document', memberId)],
  })
  counts.jobs = await deleteJobsNaming(req, member)
  // Requests keep only status and dates; other open links stop working.
  await updateWhere(
    req,
    SLUGS.erasureRequests,
    { and: [{ member: { equals: memberId } }, { status: { equals: 'pending' } }] },
    { status: 'cancelled' },
  )
  counts.erasureRequests = await updateWhere(
    req,
    SLUGS.erasureRequests,
    { member: { equals: memberId } },
    { member: null, tokenHash: null },
  )
  await req.payload.delete({ collection: SLUGS.members, id: memberId, overrideAccess: true, req })
  counts.members = 1
  const avatar = typeof member.avatar === 'object' ? member.avatar?.id : member.avatar
  counts.media = 0
  if (avatar && !(await mediaUsedElsewhere(req, avatar, memberId))) {
    await req.payload.delete({ collection: SLUGS.media, id: avatar, overrideAccess: true, req })
    counts.media = 1
  }
  return counts
}
