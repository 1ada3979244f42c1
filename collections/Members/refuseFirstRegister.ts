import type { Endpoint } from 'payload'

/**
 * `POST /api/members/first-register`, in front of Payload's own, which would let anyone create the
 * first member (with any fields) while the collection is empty. Members never register themselves:
 * staff create them or import them.
 */
export const refuseFirstRegister: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () => Response.json({ errors: [{ message: 'Members cannot register themselves: accounts are created by the Q team.' }] }, { status: 403 }),
}
