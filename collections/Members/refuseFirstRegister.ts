import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { errorResponse } from '@/http/errorResponses'

import { REFUSE_FIRST_REGISTER_DOC } from './endpointDocs'

/**
 * `POST /api/members/first-register`, in front of Payload's own, which would let anyone create the
 * first member (with any fields) while the collection is empty. Members never register themselves:
 * staff create them or import them.
 */
export const refuseFirstRegister: Endpoint = documented<Endpoint>(
  {
    path: '/first-register',
    method: 'post',
    handler: () =>
      errorResponse(403, 'Members cannot register themselves: accounts are created by the Q team.'),
  },
  REFUSE_FIRST_REGISTER_DOC,
)
