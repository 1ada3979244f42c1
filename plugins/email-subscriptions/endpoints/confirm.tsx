import { actionPage, htmlPage, readBody, wantsHtml } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import type { Endpoint } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import type { SanitizedOptions } from '../types'
import { findByToken } from '../utilities/subscribers'
import { isWellFormedToken } from '../utilities/tokens'

const INVALID =
  'This confirmation link is not valid: it may have been used already or have expired. Subscribe again to get a new one.'

/**
 * Double opt-in. `GET /api/subscribers/confirm?token=` shows a Confirm button and changes nothing,
 * so email link scanners cannot confirm; `POST` (form or JSON `{ token }`) confirms, once.
 */
export const confirmEndpoints = (options: SanitizedOptions): Endpoint[] => [
  {
    path: '/confirm',
    method: 'get',
    handler: async (req) => {
      const token = req.searchParams.get('token')
      if (!isWellFormedToken(token)) return htmlPage('Link not valid', <p>{INVALID}</p>, 400)
      return actionPage(
        'Confirm your subscription',
        'One more step: confirm that you want email updates from Q.',
        `${options.serverURL}/api/subscribers/confirm`,
        token,
        'Confirm my subscription',
      )
    },
  },
  {
    path: '/confirm',
    method: 'post',
    handler: async (req) => {
      const body = await readBody(req)
      const token = body?.token ?? req.searchParams.get('token')
      const subscriber = await findByToken(req, 'confirmTokenHash', token)
      const expired =
        subscriber?.confirmTokenExpiresAt && new Date(subscriber.confirmTokenExpiresAt) < new Date()
      if (!subscriber || expired || subscriber.status !== SUBSCRIBER_STATUS.pending) {
        return wantsHtml(req)
          ? htmlPage('Link not valid', <p>{INVALID}</p>, 400)
          : errorResponse(400, INVALID, 'token')
      }
      await req.payload.update({
        collection: SUBSCRIBERS_SLUG,
        id: subscriber.id,
        // Single use: the hash is cleared as the subscription is confirmed.
        data: {
          status: SUBSCRIBER_STATUS.confirmed,
          confirmedAt: new Date().toISOString(),
          confirmTokenHash: null,
          confirmTokenExpiresAt: null,
        },
        overrideAccess: true,
      })
      return wantsHtml(req)
        ? htmlPage(
            'Subscription confirmed',
            <p>
              Thank you. You will get email updates about: {(subscriber.topics ?? []).join(', ')}.
            </p>,
          )
        : Response.json({
            status: SUBSCRIBER_STATUS.confirmed,
            topics: subscriber.topics ?? [],
            frequency: subscriber.frequency,
          })
    },
  },
]
