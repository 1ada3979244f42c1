import type { CollectionSlug, Endpoint, Where } from 'payload'

import { COMMENT_STATUS, COMMENTS_SLUG } from '../constants'
import type { ResolvedOptions } from '../types'
import { errorResponse } from './http'

type StoredComment = {
  id: number | string
  body: string
  status: string
  parent?: number | string | null
  author?: number | string | null
  authorName?: string | null
  createdAt: string
}

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
export const buildThread = (comments: (Omit<ThreadNode, 'replies'> & { parent: string | null })[]): ThreadNode[] => {
  const nodes = new Map(comments.map((comment) => [String(comment.id), { ...comment, replies: [] as ThreadNode[] }]))
  const roots: ThreadNode[] = []
  for (const comment of [...nodes.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
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
export const threadEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/thread',
  method: 'get',
  handler: async (req) => {
    const collection = req.searchParams.get('collection') ?? ''
    const id = req.searchParams.get('id') ?? ''
    if (!options.collections.includes(collection)) {
      return errorResponse(400, `collection must be one of: ${options.collections.join(', ')}.`, 'collection')
    }
    if (!/^[\w-]{1,64}$/.test(id)) return errorResponse(400, 'id must be the id of a document.', 'id')
    const hasDrafts = Boolean(req.payload.collections[collection as CollectionSlug]?.config.versions?.drafts)
    const { totalDocs } = await req.payload.count({
      collection: collection as never,
      where: { and: [{ id: { equals: id } }, ...(hasDrafts ? [{ _status: { equals: 'published' } }] : [])] },
      overrideAccess: true,
    })
    if (totalDocs === 0) return errorResponse(404, `No published ${collection} document with id ${id}.`, 'id')

    const isMember = req.user?.collection === options.authorCollection
    const visible: Where = isMember
      ? { or: [{ status: { equals: COMMENT_STATUS.approved } }, { author: { equals: req.user?.id } }] }
      : { status: { equals: COMMENT_STATUS.approved } }
    const { docs } = await req.payload.find({
      collection: COMMENTS_SLUG as never,
      where: { and: [{ 'target.relationTo': { equals: collection } }, { 'target.value': { equals: id } }, visible] },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { body: true, status: true, parent: true, author: true, authorName: true, createdAt: true } as never,
    })
    const comments = docs as unknown as StoredComment[]
    const memberIds = [...new Set(comments.map((comment) => comment.author).filter((author): author is number | string => Boolean(author)))]
    const names = new Map<string, string>()
    if (memberIds.length > 0) {
      const { docs: members } = await req.payload.find({
        collection: options.authorCollection as never,
        where: { id: { in: memberIds } },
        pagination: false,
        depth: 0,
        // The reader's own access: a member the host hides from them (opted out) stays nameless.
        overrideAccess: false,
        req,
        select: { name: true } as never,
      })
      for (const member of members as unknown as { id: number | string; name: string }[]) names.set(String(member.id), member.name)
    }
    const thread = buildThread(
      comments.map((comment) => ({
        id: comment.id,
        body: comment.body,
        authorName: comment.authorName ?? (comment.author ? (names.get(String(comment.author)) ?? null) : null),
        createdAt: comment.createdAt,
        ...(comment.status !== COMMENT_STATUS.approved ? { status: comment.status } : {}),
        parent: comment.parent ? String(comment.parent) : null,
      })),
    )
    return Response.json({ collection, id, total: comments.length, comments: thread })
  },
})
