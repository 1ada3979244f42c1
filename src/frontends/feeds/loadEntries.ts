import { SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

import { settings } from '@/config/settings'

import { serverHost } from '../representation'
import { type FeedDocument, type FeedLookups, relationKey, toFeedEntry } from './entries'
import { FEED_SIZE, type FeedCollection } from './feedFiles'
import type { FeedEntry } from './types'

/** As the anonymous public reads: published only, whatever the caller's login. */
const asThePublic = { overrideAccess: false, draft: false, depth: 0, pagination: false } as const

const idsOf = (values: unknown[]): (number | string)[] => [
  ...new Set(
    values.filter((value): value is number | string => ['number', 'string'].includes(typeof value)),
  ),
]

/** The newest published documents of one collection, with only the fields a feed shows. */
const newestDocuments = async (
  payload: Payload,
  collection: FeedCollection,
): Promise<FeedDocument[]> => {
  const common = { ...asThePublic, limit: FEED_SIZE }
  switch (collection) {
    case 'blogs':
      return (
        await payload.find({
          ...common,
          collection: SLUGS.blogs,
          sort: '-publishedAt',
          select: {
            title: true,
            slug: true,
            excerpt: true,
            topics: true,
            author: true,
            publishedAt: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).docs.map((doc) => ({
        ...doc,
        author: doc.author ? { relationTo: doc.author.relationTo, value: doc.author.value } : null,
      }))
    case 'interviews':
      return (
        await payload.find({
          ...common,
          collection: SLUGS.interviews,
          sort: '-publishedAt',
          select: {
            title: true,
            slug: true,
            summary: true,
            interviewee: true,
            publishedAt: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).docs
    case 'evaluation-reports':
      return (
        await payload.find({
          ...common,
          collection: SLUGS.evaluationReports,
          sort: '-publishedDate',
          select: {
            title: true,
            slug: true,
            summary: true,
            authorsOrganisation: true,
            reportFile: true,
            publishedDate: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).docs
  }
}

/**
 * Names and files for every item at once: one query per related collection, whatever the number
 * of items (no query per item). Members and media are read as the public reads them, so a member
 * who left the directory is not named and a file the public may not open is not enclosed; staff
 * bylines are public (as the blogs' `authorName` field has it).
 */
const lookUp = async (payload: Payload, docs: FeedDocument[]): Promise<FeedLookups> => {
  const memberIds = idsOf([
    ...docs.map((doc) => (doc.author?.relationTo === SLUGS.members ? doc.author.value : undefined)),
    ...docs.map((doc) => doc.interviewee),
  ])
  const staffIds = idsOf(
    docs.map((doc) => (doc.author?.relationTo === SLUGS.users ? doc.author.value : undefined)),
  )
  const fileIds = idsOf(docs.map((doc) => doc.reportFile))
  const byIds = (ids: (number | string)[]) => ({ id: { in: ids } })
  const [members, staff, files] = await Promise.all([
    memberIds.length
      ? payload.find({
          collection: SLUGS.members,
          where: byIds(memberIds),
          select: { name: true },
          ...asThePublic,
          limit: memberIds.length,
        })
      : { docs: [] },
    staffIds.length
      ? payload.find({
          collection: SLUGS.users,
          where: byIds(staffIds),
          select: { name: true },
          depth: 0,
          pagination: false,
          limit: staffIds.length,
          overrideAccess: true,
        })
      : { docs: [] },
    fileIds.length
      ? payload.find({
          collection: SLUGS.media,
          where: byIds(fileIds),
          // `url` is computed from `filename` after the read.
          select: { url: true, filename: true, filesize: true, mimeType: true },
          ...asThePublic,
          limit: fileIds.length,
        })
      : { docs: [] },
  ])
  const names = new Map<string, string>()
  for (const member of members.docs)
    if (member.name) names.set(relationKey(SLUGS.members, member.id), member.name)
  for (const user of staff.docs)
    if (user.name) names.set(relationKey(SLUGS.users, user.id), user.name)
  const fileMap: FeedLookups['files'] = new Map(
    files.docs.flatMap((file) =>
      file.url
        ? [
            [
              relationKey(SLUGS.media, file.id),
              {
                url: new URL(file.url, `${settings.serverURL}/`).toString(),
                length: file.filesize ?? 0,
                type: file.mimeType ?? 'application/pdf',
              },
            ] as const,
          ]
        : [],
    ),
  )
  return { names, files: fileMap }
}

/** The items of a feed over `collections` (one, or the three of the combined feed). */
export const loadFeedEntries = async (
  payload: Payload,
  collections: readonly FeedCollection[],
): Promise<FeedEntry[]> => {
  const lists = await Promise.all(
    collections.map(async (collection) => ({
      collection,
      docs: await newestDocuments(payload, collection),
    })),
  )
  const lookups = await lookUp(
    payload,
    lists.flatMap((list) => list.docs),
  )
  const host = serverHost()
  return lists.flatMap(({ collection, docs }) =>
    docs.map((doc) => toFeedEntry(collection, doc, lookups, host)),
  )
}
