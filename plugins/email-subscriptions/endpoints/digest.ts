import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { MESSAGES } from '../constants'
import type { SanitizedOptions } from '../types'
import { createDigestNow } from '../utilities/mailings'

/** What an admin's digest request does once it is allowed (index.ts picks it: queued, or refused while switched off). */
export type StartDigest = (req: PayloadRequest) => Promise<Response>

/** The digest mailing now, queued; 202 with the mailing's key and period. */
export const queueDigestNow =
  (options: SanitizedOptions): StartDigest =>
  async (req) => {
    const mailing = await createDigestNow(req.payload, options, true)
    return Response.json(
      {
        mailing: mailing.key,
        status: mailing.status,
        periodStart: mailing.periodStart,
        periodEnd: mailing.periodEnd,
      },
      { status: 202 },
    )
  }

/** While the plugin is disabled: 409. */
export const refuseWhileSwitchedOff: StartDigest = () =>
  Promise.reject(new APIError(MESSAGES.switchedOff, 409))

/**
 * `POST /api/subscribers/digest` (admins): the weekly digest now, covering what was published since
 * the previous digest. 202: the mailing is queued; its progress is on the mailing record.
 */
export const digestEndpoint = (options: SanitizedOptions, start: StartDigest): Endpoint => ({
  path: '/digest',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(MESSAGES.logInToSendDigest, 401)
    if (!options.isAdmin(req.user)) throw new APIError(MESSAGES.adminsOnlyDigest, 403)
    return start(req)
  },
})
