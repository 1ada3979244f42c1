import { randomUUID } from 'node:crypto'

import { SLUGS } from '@collections/slugs'
import { documented, errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { checkRole } from '@/access/checkRole'
import { canBeDocumentId } from '@/http/documentId'
import { errorResponse } from '@/http/errorResponses'

import { TEST_EVENT_TYPE } from '../constants'
import { deliverOnce } from '../deliver'
import { buildTestPayload } from '../rules/payload'

export const TEST_EVENT_PATH = '/:id/test'

/**
 * `POST /api/webhooks/:id/test` (admins): sends a signed `webhook.test` event now, one attempt,
 * logged like any delivery, and answers what the receiver said. Inactive webhooks too: an admin
 * checks a receiver before switching it on.
 */
export const sendTestEventEndpoint = documented<Endpoint>(
  {
    path: TEST_EVENT_PATH,
    method: 'post',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, 'Log in as an admin to send a test event.')
      if (!checkRole(['admin'], req.user))
        return errorResponse(403, 'Only admins can send test events.')
      const id = String(req.routeParams?.id ?? '')
      // A malformed id is no webhook; a database error is not one either, and answers 500.
      const webhook = canBeDocumentId(req.payload.db.defaultIDType, id)
        ? await req.payload.findByID({
            collection: SLUGS.webhooks,
            id,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
            joins: false,
          })
        : null
      if (!webhook) return errorResponse(404, 'No such webhook.')
      const result = await deliverOnce(
        req.payload,
        webhook,
        {
          messageId: `msg_${randomUUID()}`,
          eventType: TEST_EVENT_TYPE,
          body: JSON.stringify(buildTestPayload(TEST_EVENT_TYPE, new Date())),
        },
        1,
      )
      return Response.json(
        {
          delivered: result.delivered,
          status: result.status,
          durationMs: result.durationMs,
          ...(result.error ? { error: result.error } : {}),
        },
        { headers: { 'Cache-Control': 'private, no-store' } },
      )
    },
  },
  {
    summary: 'Send a signed webhook.test event to this webhook now',
    description:
      'One attempt, no retries, logged in webhook-deliveries. Answers 200 whether or not the receiver accepted it: `delivered` says which.',
    tags: ['webhooks'],
    audience: 'staff',
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The webhook',
        schema: { type: 'string' },
      },
    ],
    responses: {
      '200': jsonResponseDoc('What the receiver answered', {
        type: 'object',
        required: ['delivered', 'status', 'durationMs'],
        additionalProperties: false,
        properties: {
          delivered: { type: 'boolean', description: 'The receiver answered 2xx.' },
          status: { type: ['integer', 'null'], description: 'Its HTTP status; null without one.' },
          durationMs: { type: 'integer', minimum: 0 },
          error: { type: 'string', description: 'Why it was not delivered.' },
        },
      }),
      '401': errorResponseDoc('Not logged in'),
      '403': errorResponseDoc('Not an admin'),
      '404': errorResponseDoc('No such webhook'),
    },
  },
)
