import type { Endpoint } from 'payload'

import { SUBSCRIBERS_SLUG } from '../constants'
import type { ResolvedSubscriptionOptions } from '../types'
import { checkSubscription } from '../validation'
import { fieldError, findByToken, readBody } from './shared'

const INVALID = 'token is missing, malformed or not valid.'

/** `GET|PATCH /api/subscribers/preferences?token=`: topics and frequency, with the token every email carries. */
export const preferencesEndpoints = (options: ResolvedSubscriptionOptions): Endpoint[] => [
  {
    path: '/preferences',
    method: 'get',
    handler: async (req) => {
      const subscriber = await findByToken(req, 'manageTokenHash', req.searchParams.get('token'))
      if (!subscriber) return fieldError('token', INVALID)
      return Response.json({ topics: subscriber.topics ?? [], frequency: subscriber.frequency, status: subscriber.status, availableTopics: options.topics })
    },
  },
  {
    path: '/preferences',
    method: 'patch',
    handler: async (req) => {
      const subscriber = await findByToken(req, 'manageTokenHash', req.searchParams.get('token'))
      if (!subscriber) return fieldError('token', INVALID)
      const body = await readBody(req)
      if (!body) return fieldError('body', 'Send a JSON object: { topics, frequency }.')
      const input = checkSubscription({ email: subscriber.email, topics: body.topics ?? subscriber.topics, frequency: body.frequency ?? subscriber.frequency }, options.topics)
      if ('field' in input) return fieldError(input.field, input.message)
      await req.payload.update({
        collection: SUBSCRIBERS_SLUG as never,
        id: subscriber.id,
        data: { topics: input.topics, frequency: input.frequency } as never,
        overrideAccess: true,
      })
      return Response.json({ topics: input.topics, frequency: input.frequency, status: subscriber.status })
    },
  },
]
