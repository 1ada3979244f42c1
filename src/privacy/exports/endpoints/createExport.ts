import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasStaffRole } from '@/access/hasStaffRole'
import { staffOnly } from '@/access/staffOnly'
import { badRequest } from '@/http/errorResponses'

import { EXPORT_MESSAGES, NO_STORE, PURPOSE_LENGTH } from '../constants'
import { CREATE_EXPORT_DOC } from './docs'

/** The stated purpose from the JSON body, or the 400 naming `purpose`. */
const readPurpose = async (req: PayloadRequest): Promise<string | Response> => {
  let body: unknown
  try {
    body = req.json ? await req.json() : undefined
  } catch {
    return badRequest('purpose', `The body is not JSON. ${EXPORT_MESSAGES.purpose}`)
  }
  const purpose =
    body !== null && typeof body === 'object' && 'purpose' in body ? body.purpose : undefined
  if (typeof purpose !== 'string') return badRequest('purpose', EXPORT_MESSAGES.purpose)
  const trimmed = purpose.trim()
  if (trimmed.length < PURPOSE_LENGTH.min || trimmed.length > PURPOSE_LENGTH.max)
    return badRequest('purpose', EXPORT_MESSAGES.purpose)
  return trimmed
}

/**
 * `POST /api/network/exports` `{ purpose }` (staff): records the export (requested by the caller,
 * with its own pseudonym key) and queues its build; 202 with the export document's `Location`.
 */
export const createExportEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/exports',
    method: 'post',
    handler: async (req) => {
      const refused = await staffOnly(req, hasStaffRole, EXPORT_MESSAGES)
      if (refused) return refused
      const purpose = await readPurpose(req)
      if (purpose instanceof Response) return purpose
      const doc = await req.payload.create({
        collection: SLUGS.networkExports,
        // Status, requester and key are set by the collection's hooks whatever is sent here.
        data: { purpose, status: 'queued' },
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
