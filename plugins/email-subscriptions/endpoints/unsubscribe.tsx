import { actionPage, htmlPage, readBody, wantsHtml } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'
import { findByToken } from '../utilities/subscribers'
import { isWellFormedToken } from '../utilities/tokens'

const INVALID = 'This unsubscribe link is not valid.'

/**
 * RFC 8058 one-click unsubscribe: `POST /api/subscribers/unsubscribe?token=` (body
 * `List-Unsubscribe=One-Click`) unsubscribes at once, no login. `GET` shows a button.
 */
export const unsubscribeEndpoints = (options: SanitizedOptions): Endpoint[] => [
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const token = req.searchParams.get('token')
      if (!isWellFormedToken(token)) return htmlPage('Link not valid', <p>{INVALID}</p>, 400)
      return actionPage(
        'Unsubscribe',
        'Stop all email updates from Q to this address?',
        `${options.serverURL}/api/subscribers/unsubscribe`,
        token,
        'Unsubscribe',
      )
    },
  },
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      const body = await readBody(req)
      const token = req.searchParams.get('token') ?? body?.token
      const subscriber = await findByToken(req, 'manageTokenHash', token)
      if (!subscriber)
        return wantsHtml(req)
          ? htmlPage('Link not valid', <p>{INVALID}</p>, 400)
          : errorResponse(400, INVALID, 'token')
      // Suppressed stays suppressed (bounces, complaints); otherwise unsubscribing is idempotent.
      if (
        subscriber.status !== SUBSCRIBER_STATUS.suppressed &&
        subscriber.status !== SUBSCRIBER_STATUS.unsubscribed
      ) {
        await req.payload.update({
          collection: SUBSCRIBERS_SLUG,
          id: subscriber.id,
          data: {
            status: SUBSCRIBER_STATUS.unsubscribed,
            unsubscribedAt: new Date().toISOString(),
          },
          overrideAccess: true,
        })
      }
      return wantsHtml(req)
        ? htmlPage(
            'Unsubscribed',
            <p>
              You will not get any more email updates from Q. You can subscribe again at any time.
            </p>,
          )
        : Response.json({ status: SUBSCRIBER_STATUS.unsubscribed })
    },
  },
]
