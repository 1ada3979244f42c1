import type { Endpoint, PayloadRequest } from 'payload'

import { CommentingState } from '../commentingState'
import type { ResolvedOptions } from '../types'
import { errorResponse, readJsonBody } from './http'

const findMember = async (req: PayloadRequest, options: ResolvedOptions, id: unknown) => {
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return null
  const { docs } = await req.payload.find({
    collection: options.authorCollection as never,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] as { id: number | string } | undefined
}

/**
 * Moderators ban a member from commenting (`POST /api/comments/ban { member, reason, until? }`)
 * and lift a ban (`POST /api/comments/unban { member }`).
 */
export const banEndpoints = (options: ResolvedOptions): Endpoint[] => [
  {
    path: '/ban',
    method: 'post',
    handler: async (req) => {
      if (!options.isModerator(req.user)) return errorResponse(403, 'Only moderators can ban members from commenting.')
      const body = await readJsonBody(req)
      if (body instanceof Response) return body
      const member = await findMember(req, options, body.member)
      if (!member) return errorResponse(400, 'member must be the id of a member.', 'member')
      const state = CommentingState.ban(body.reason, body.until)
      if (!(state instanceof CommentingState)) return errorResponse(400, state.error, state.field)
      await req.payload.update({ collection: options.authorCollection as never, id: member.id, data: { commenting: state.toData() } as never, overrideAccess: true, req })
      return Response.json({ member: member.id, ...state.toData() })
    },
  },
  {
    path: '/unban',
    method: 'post',
    handler: async (req) => {
      if (!options.isModerator(req.user)) return errorResponse(403, 'Only moderators can lift a ban.')
      const body = await readJsonBody(req)
      if (body instanceof Response) return body
      const member = await findMember(req, options, body.member)
      if (!member) return errorResponse(400, 'member must be the id of a member.', 'member')
      const lifted = CommentingState.from(null).toData()
      await req.payload.update({ collection: options.authorCollection as never, id: member.id, data: { commenting: lifted } as never, overrideAccess: true, req })
      return Response.json({ member: member.id, ...lifted })
    },
  },
]
