import type { Endpoint } from 'payload'

import { createDigestNow } from '../delivery/mailings'
import type { ResolvedSubscriptionOptions } from '../types'

/**
 * `POST /api/subscribers/digest` (admins): the weekly digest now, covering what was published since
 * the previous digest. 202: the mailing is queued; its progress is on the mailing record.
 */
export const digestEndpoint = (options: ResolvedSubscriptionOptions): Endpoint => ({
  path: '/digest',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Log in as an admin to send the digest.' }] }, { status: 401 })
    if (!options.isAdmin(req.user)) return Response.json({ errors: [{ message: 'Only admins send the digest.' }] }, { status: 403 })
    if (options.disabled) return Response.json({ errors: [{ message: 'Email subscriptions are switched off.' }] }, { status: 409 })
    const mailing = await createDigestNow(req.payload, options, true)
    return Response.json({ mailing: mailing.key, status: mailing.status, periodStart: mailing.periodStart, periodEnd: mailing.periodEnd }, { status: 202 })
  },
})
