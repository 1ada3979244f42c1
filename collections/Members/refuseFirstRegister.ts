import type { Endpoint } from 'payload'

import { errorResponse } from '@/http/errorResponses'

/**
 * `POST /api/members/first-register`, in front of Payload's own, which would let anyone create the
 * first member (with any fields) while the collection is empty. Members never register themselves:
 * staff create them or import them.
 */
export const refuseFirstRegister: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () =>
    errorResponse(403, 'Members cannot register themselves: accounts are created by the Q team.'),
}
