import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { isEditor } from '@/access/isEditor'
import { staffOnly } from '@/access/staffOnly'
import { badRequest, errorResponse } from '@/http/errorResponses'

import { importNetwork } from '../import/importNetwork'
import { ImportWriteError } from '../import/writeImport'
import { IMPORT_DOC } from './docs'

const IMPORT_ACCESS_MESSAGES = {
  loggedOut: 'Log in as staff to import.',
  forbidden: 'Only admins and editors can import.',
}

/** The uploaded CSV texts and the dry-run flag, or the 400 to answer with. */
const readUpload = async (req: PayloadRequest) => {
  let form: FormData
  try {
    // Payload's request is the fetch Request it was built from, with Payload's fields added (its
    // type makes them optional); without a body reader it is answered like an unreadable body.
    if (!req.formData) throw new Error('request has no body reader')
    form = await req.formData()
  } catch {
    return badRequest(
      'members',
      'Send multipart/form-data with a members and/or a connections CSV file.',
    )
  }
  const text = async (name: string) => {
    const file = form.get(name)
    return file && typeof file === 'object' && 'text' in file ? await file.text() : undefined
  }
  const membersCsv = await text('members')
  const connectionsCsv = await text('connections')
  if (!membersCsv && !connectionsCsv)
    return badRequest('members', 'Attach a members and/or a connections CSV file.')
  return {
    membersCsv,
    connectionsCsv,
    dryRun: ['true', 'on', '1'].includes(String(form.get('dryRun') ?? '')),
  }
}

/**
 * `POST /api/network/import` (multipart: `members` and/or `connections` CSV files, `dryRun`):
 * the admin upload of the CLI import, for admins and editors.
 */
export const importEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/import',
    method: 'post',
    handler: async (req) => {
      const refused = await staffOnly(req, isEditor, IMPORT_ACCESS_MESSAGES)
      if (refused) return refused
      const upload = await readUpload(req)
      if (upload instanceof Response) return upload
      try {
        const report = await importNetwork(req.payload, upload)
        return Response.json(report, {
          status: report.rejected.length > 0 ? 422 : report.dryRun ? 200 : 201,
        })
      } catch (error) {
        // Nothing was left behind; a conflict (e.g. a member registered meanwhile) is worth retrying.
        if (error instanceof ImportWriteError && error.conflict)
          return errorResponse(409, error.message)
        throw error
      }
    },
  },
  IMPORT_DOC,
)
