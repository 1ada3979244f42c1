import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { badRequest, errorResponse } from '@/http/errorResponses'

import { memberIdOf, staffRefusal } from './access'
import { MEMBER_EXPORT_DOC, MY_EXPORT_DOC } from './endpointDocs'
import { jsonStream } from './jsonStream'
import { memberExportPieces } from './memberExport'
import { ERASURE_MESSAGES } from './rules'

/** The member with hidden fields (sessions, lock state): the export picks what it may show. */
export const loadMember = (req: PayloadRequest, id: number | string) =>
  req.payload.findByID({
    collection: SLUGS.members,
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    req,
  })

/** `member-data-<id>-<YYYY-MM-DD>.json` */
export const exportFilename = (id: number | string, now: Date) =>
  `member-data-${String(id)}-${now.toISOString().slice(0, 10)}.json`

const exportResponse = async (req: PayloadRequest, id: number | string) => {
  const member = await loadMember(req, id)
  if (!member) return badRequestOrNotFound()
  const pieces = memberExportPieces(req, member)
  return new Response(jsonStream(pieces, req), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFilename(member.id, new Date())}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

const badRequestOrNotFound = () => {
  const response = badRequest('id', ERASURE_MESSAGES.noMember)
  return new Response(response.body, { status: 404, headers: response.headers })
}

/**
 * `GET /api/members/me/export` (the member) and `GET /api/members/:id/export` (staff): the
 * subject access export, streamed.
 */
export const exportEndpoints: Endpoint[] = [
  documented<Endpoint>(
    {
      path: '/me/export',
      method: 'get',
      handler: async (req) => {
        const memberId = memberIdOf(req)
        if (memberId === null) return errorResponse(401, ERASURE_MESSAGES.logIn)
        return exportResponse(req, memberId)
      },
    },
    MY_EXPORT_DOC,
  ),
  documented<Endpoint>(
    {
      path: '/:id/export',
      method: 'get',
      handler: async (req) => {
        // Admins only: the export holds the subscription, deliveries and reports, which editors and
        // moderators may not read.
        const refusal = staffRefusal(req, true)
        if (refusal) return refusal
        const id = req.routeParams?.id
        if (typeof id !== 'string' && typeof id !== 'number') return badRequestOrNotFound()
        return exportResponse(req, id)
      },
    },
    MEMBER_EXPORT_DOC,
  ),
]
