import { documented } from '@q-community/plugin-shared/openapi'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint, PayloadRequest } from 'payload'

import { CommentingState } from '../rules/commentingState'
import type { SanitizedOptions } from '../types'
import { refusal } from '../utilities/errors'
import { readJsonBody } from '../utilities/readJsonBody'
import { BAN_DOC, UNBAN_DOC } from './docs'

const findMember = async (req: PayloadRequest, options: SanitizedOptions, id: unknown) => {
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return null
  const { docs } = await req.payload.find({
    collection: options.authorCollection,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/**
 * Moderators ban a member from commenting (`POST /api/comments/ban { member, reason, until? }`)
 * and lift a ban (`POST /api/comments/unban { member }`).
 */
export const banEndpoints = (options: SanitizedOptions): Endpoint[] => [
  documented<Endpoint>(
    {
      path: '/ban',
      method: 'post',
      handler: async (req) => {
        if (!options.isModerator(req.user))
          throw refusal('Only moderators can ban members from commenting.', 403)
        const body = await readJsonBody(req)
        if (body instanceof Response) return body
        const member = await findMember(req, options, body.member)
        if (!member) return errorResponse(400, 'member must be the id of a member.', 'member')
        const state = CommentingState.ban(body.reason, body.until)
        if (!(state instanceof CommentingState)) return errorResponse(400, state.error, state.field)
        await req.payload.update({
          collection: options.authorCollection,
          id: member.id,
          data: { commenting: state.toData() },
          overrideAccess: true,
          req,
        })
        return Response.json({ member: member.id, ...state.toData() })
      },
    },
    BAN_DOC,
  ),
  documented<Endpoint>(
    {
      path: '/unban',
      method: 'post',
      handler: async (req) => {
        if (!options.isModerator(req.user)) throw refusal('Only moderators can lift a ban.', 403)
        const body = await readJsonBody(req)
        if (body instanceof Response) return body
        const member = await findMember(req, options, body.member)
        if (!member) return errorResponse(400, 'member must be the id of a member.', 'member')
        const lifted = CommentingState.from(null).toData()
        await req.payload.update({
          collection: options.authorCollection,
          id: member.id,
          data: { commenting: lifted },
          overrideAccess: true,
          req,
        })
        return Response.json({ member: member.id, ...lifted })
      },
    },
    UNBAN_DOC,
  ),
]
