import { readBody } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint } from 'payload'

import { SUBSCRIBERS_SLUG } from '../constants'
import { checkSubscription } from '../rules/validation'
import type { SanitizedOptions } from '../types'
import { findByToken } from '../utilities/subscribers'

const INVALID = 'token is missing, malformed or not valid.'

/** `GET|PATCH /api/subscribers/preferences?token=`: topics and frequency, with the token every email carries. */
export const preferencesEndpoints = (options: SanitizedOptions): Endpoint[] => [
  {
    path: '/preferences',
    method: 'get',
    handler: async (req) => {
      const subscriber = await findByToken(req, 'manageTokenHash', req.searchParams.get('token'))
      if (!subscriber) return errorResponse(400, INVALID, 'token')
      return Response.json({
        topics: subscriber.topics ?? [],
        frequency: subscriber.frequency,
        status: subscriber.status,
        availableTopics: options.topics,
      })
    },
  },
  {
    path: '/preferences',
    method: 'patch',
    handler: async (req) => {
      const subscriber = await findByToken(req, 'manageTokenHash', req.searchParams.get('token'))
      if (!subscriber) return errorResponse(400, INVALID, 'token')
      const body = await readBody(req)
      if (!body) return errorResponse(400, 'Send a JSON object: { topics, frequency }.', 'body')
      const input = checkSubscription(
        {
          email: subscriber.email,
          topics: body.topics ?? subscriber.topics,
          frequency: body.frequency ?? subscriber.frequency,
        },
        options.topics,
      )
      if ('field' in input) return errorResponse(400, input.message, input.field)
      await req.payload.update({
        collection: SUBSCRIBERS_SLUG,
        id: subscriber.id,
        data: { topics: input.topics, frequency: input.frequency },
        overrideAccess: true,
      })
      return Response.json({
        topics: input.topics,
        frequency: input.frequency,
        status: subscriber.status,
      })
    },
  },
]
