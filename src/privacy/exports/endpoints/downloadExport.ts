import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { hasStaffRole } from '@/access/hasStaffRole'
import { staffOnly } from '@/access/staffOnly'
import { canBeDocumentId } from '@/http/documentId'
import { errorResponse } from '@/http/errorResponses'

import { EXPORT_MESSAGES, NO_STORE } from '../constants'
import { readExportFile } from '../storage'
import { DOWNLOAD_EXPORT_DOC } from './docs'

/** `GET /api/network/exports/:id/download` (staff): the ZIP once ready, until it expires. */
export const downloadExportEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/exports/:id/download',
    method: 'get',
    handler: async (req) => {
      const refused = await staffOnly(req, hasStaffRole, EXPORT_MESSAGES)
      if (refused) return refused
      const id = String(req.routeParams?.id ?? '')
      const doc = canBeDocumentId(req.payload.db.defaultIDType, id)
        ? await req.payload.findByID({
            collection: SLUGS.networkExports,
            id,
            req,
            depth: 0,
            disableErrors: true,
            select: { status: true, expiresAt: true },
          })
        : null
      if (!doc) return errorResponse(404, EXPORT_MESSAGES.notFound)
      const expired =
        doc.status === 'expired' ||
        (doc.expiresAt !== null &&
          doc.expiresAt !== undefined &&
          new Date(doc.expiresAt) <= new Date())
      if (expired) return errorResponse(410, EXPORT_MESSAGES.expired)
      if (doc.status !== 'ready')
        return errorResponse(409, `${EXPORT_MESSAGES.notReady}${doc.status}.`)
      const zip = await readExportFile(req.payload, id)
      if (!zip) return errorResponse(410, EXPORT_MESSAGES.expired)
      return new Response(new Uint8Array(zip), {
        headers: {
          ...NO_STORE,
          'Content-Type': 'application/zip',
          'Content-Length': String(zip.byteLength),
          'Content-Disposition': `attachment; filename="q-network-export-${id}.zip"`,
        },
      })
    },
  },
  DOWNLOAD_EXPORT_DOC,
)
