import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, Where } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import { COMMENT_STATUS, COMMENTS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'
import { threadDoc } from './docs'

type StoredComment = {
  id: number | string
  body: string
  status: string
  parent?: number | string | null
  author?: number | string | null
  authorName?: string | null
  createdAt: string
}

/** An id as stored at depth 0, or null. */
const storedID = (value: unknown): number | string | null =>
  typeof value === 'number' || typeof value === 'string' ? value : null

/** A comment as read here, from the untyped document the Local API returns. */
const toStoredComment = (
  doc: Record<string, unknown> & { id: number | string },
): StoredComment => ({
  id: doc.id,
  body: String(doc.body),
  status: String(doc.status),
  parent: storedID(doc.parent),
  author: storedID(doc.author),
  authorName: typeof doc.authorName === 'string' ? doc.authorName : null,
  createdAt: String(doc.createdAt),
})

export type ThreadNode = {
  id: number | string
  body: string
  authorName: string | null
  createdAt: string
  /** Present only on the reader's own comments that are not yet approved. */
  status?: string
  replies: ThreadNode[]
}

/** Builds the reply tree, oldest first at every level; replies to hidden comments are dropped. */
export const buildThread = (
  comments: (Omit<ThreadNode, 'replies'> & { parent: string | null })[],
): ThreadNode[] => {
  const nodes = new Map(
    comments.map((comment) => [String(comment.id), { ...comment, replies: [] as ThreadNode[] }]),
  )
  const roots: ThreadNode[] = []
  for (const comment of [...nodes.values()].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  )) {
    const { parent, ...node } = comment
    if (parent === null) roots.push(node)
    else nodes.get(parent)?.replies.push(node)
  }
  return roots
}

/**
 * `GET /api/comments/thread?collection=blogs&id=<id>`: the approved conversation on a document,
 * as a tree, with no personal data (members' names only where the reader may read the member).
 * A logged-in member also sees their own held comments.
 */
export const threadEndpoint = (options: SanitizedOptions): Endpoint =>
  documented<Endpoint>(
    {
      path: '/thread',
      method: 'get',
      handler: async (req) => {
        const collection = req.searchParams.get('collection') ?? ''
        const id = req.searchParams.get('id') ?? ''
        if (!options.collections.includes(collection)) {
          return errorResponse(
            400,
            `collection must be one of: ${options.collections.join(', ')}.`,
            'collection',
          )
        }
        if (!/^[\w-]{1,64}$/.test(id))
          return errorResponse(400, 'id must be the id of a document.', 'id')
        const targetConfig = req.payload.collections[collection]?.config
        const hasDrafts = targetConfig ? hasDraftsEnabled(targetConfig) : false
        const { totalDocs } = await req.payload.count({
          collection,
          where: {
            and: [
              { id: { equals: id } },
              ...(hasDrafts ? [{ _status: { equals: 'published' } }] : []),
            ],
          },
          overrideAccess: true,
        })
        if (totalDocs === 0)
          return errorResponse(404, `No published ${collection} document with id ${id}.`, 'id')

        const isMember = req.user?.collection === options.authorCollection
        const visible: Where = isMember
          ? {
              or: [
                { status: { equals: COMMENT_STATUS.approved } },
                { author: { equals: req.user?.id } },
              ],
            }
          : { status: { equals: COMMENT_STATUS.approved } }
        const { docs } = await req.payload.find({
          collection: COMMENTS_SLUG,
          where: {
            and: [
              { 'target.relationTo': { equals: collection } },
              { 'target.value': { equals: id } },
              visible,
            ],
          },
          sort: 'createdAt',
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: {
            body: true,
            status: true,
            parent: true,
            author: true,
            authorName: true,
            createdAt: true,
          },
        })
        const comments = docs.map(toStoredComment)
        const memberIds = [
          ...new Set(
            comments
              .map((comment) => comment.author)
              .filter((author): author is number | string => Boolean(author)),
          ),
        ]
        const names = new Map<string, string>()
        if (memberIds.length > 0) {
          const { docs: members } = await req.payload.find({
            collection: options.authorCollection,
            where: { id: { in: memberIds } },
            pagination: false,
            depth: 0,
            // The reader's own access: a member the host hides from them (opted out) stays nameless.
            overrideAccess: false,
            req,
            select: { name: true },
          })
          for (const member of members)
            if (typeof member.name === 'string') names.set(String(member.id), member.name)
        }
        const thread = buildThread(
          comments.map((comment) => ({
            id: comment.id,
            body: comment.body,
            authorName:
              comment.authorName ??
              (comment.author ? (names.get(String(comment.author)) ?? null) : null),
            createdAt: comment.createdAt,
            ...(comment.status !== COMMENT_STATUS.approved ? { status: comment.status } : {}),
            parent: comment.parent ? String(comment.parent) : null,
          })),
        )
        return Response.json({ collection, id, total: comments.length, comments: thread })
      },
    },
    threadDoc(options.collections),
  )
