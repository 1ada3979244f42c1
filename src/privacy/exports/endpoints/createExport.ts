import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasStaffRole } from '@/access/hasStaffRole'
import { staffOnly } from '@/access/staffOnly'
import { badRequest } from '@/http/errorResponses'

import { EXPORT_MESSAGES, NO_STORE, PURPOSE_LENGTH } from '../constants'
import { readPeriod } from '../period'
import { CREATE_EXPORT_DOC } from './docs'

type ExportRequest = { purpose: string; from?: string; to?: string }

/** The stated purpose and optional period from the JSON body, or the 400 naming the field. */
const readRequest = async (req: PayloadRequest): Promise<ExportRequest | Response> => {
  let body: unknown
  try {
    body = req.json ? await req.json() : undefined
  } catch {
    return badRequest('purpose', `The body is not JSON. ${EXPORT_MESSAGES.purpose}`)
  }
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const purpose = typeof fields.purpose === 'string' ? fields.purpose.trim() : ''
  if (purpose.length < PURPOSE_LENGTH.min || purpose.length > PURPOSE_LENGTH.max)
    return badRequest('purpose', EXPORT_MESSAGES.purpose)
  const period = readPeriod(fields)
  if ('field' in period) return badRequest(period.field, period.message)
  return { purpose, ...period }
}

/**
 * `POST /api/network/exports` `{ purpose, from?, to? }` (staff): records the export (requested by the caller,
 * with its own pseudonym key) and queues its build; 202 with the export document's `Location`.
 */
export const createExportEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/exports',
    method: 'post',
    handler: async (req) => {
      const refused = await staffOnly(req, hasStaffRole, EXPORT_MESSAGES)
      if (refused) return refused
      const request = await readRequest(req)
      if (request instanceof Response) return request
      const doc = await req.payload.create({
        collection: SLUGS.networkExports,
        // Status, requester and key are set by the collection's hooks whatever is sent here.
        data: { ...request, status: 'queued' },
        req,
        depth: 0,
      })
      return Response.json(
        { id: doc.id, status: doc.status },
        {
          status: 202,
          headers: {
            ...NO_STORE,
            Location: `${req.payload.config.routes.api}/${SLUGS.networkExports}/${doc.id}`,
          },
        },
      )
    },
  },
  CREATE_EXPORT_DOC,
)
