import {
  type EndpointDoc,
  errorResponseDoc,
  jsonResponseDoc,
} from '@q-community/plugin-shared/openapi'

import { EXPORT_STATUSES, PURPOSE_LENGTH } from '../constants'

const TAGS = ['network']
const STAFF_ERRORS = {
  401: errorResponseDoc('Not logged in.'),
  403: errorResponseDoc('Logged in, but not staff.'),
}

export const CREATE_EXPORT_DOC: EndpointDoc = {
  summary: 'Request an evaluation-ready network export (a ZIP, built in the background)',
  description:
    'Only members who opted in to network analysis, under pseudonyms keyed for this export alone, k-anonymised by region × profession. Follow `Location` (the export document) for `status` and `progress`; download when `status` is `ready`.',
  tags: TAGS,
  audience: 'staff',
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['purpose'],
          properties: {
            purpose: {
              type: 'string',
              minLength: PURPOSE_LENGTH.min,
              maxLength: PURPOSE_LENGTH.max,
              description: 'What the export is for, and for whom.',
            },
            from: {
              type: 'string',
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
              description: 'Optional first month of monthly.csv (YYYY-MM).',
            },
            to: {
              type: 'string',
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
              description:
                'Optional last month (YYYY-MM): the network as it stood at its end. Default: the current month.',
            },
          },
        },
      },
    },
  },
  responses: {
    202: {
      ...jsonResponseDoc('Queued.', {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'status'],
        properties: {
          id: { type: ['integer', 'string'] },
          status: { type: 'string', enum: [...EXPORT_STATUSES] },
        },
      }),
      headers: {
        Location: {
          description: 'The export document (`/api/network-exports/<id>`).',
          schema: { type: 'string' },
        },
      },
    },
    400: errorResponseDoc(
      '`purpose` missing, too short or too long; `from` or `to` not a month or the wrong way round.',
    ),
    ...STAFF_ERRORS,
    429: errorResponseDoc('Too many exports requested from this address.'),
  },
}

export const DOWNLOAD_EXPORT_DOC: EndpointDoc = {
  summary: "A network export's ZIP",
  description:
    'members.csv, connections.csv, monthly.csv, data-dictionary.md and manifest.json (SHA-256 of every other file).',
  tags: TAGS,
  audience: 'staff',
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
  responses: {
    200: {
      description: 'The ZIP (Content-Disposition: attachment).',
      content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
    },
    ...STAFF_ERRORS,
    404: errorResponseDoc('No export with this id.'),
    409: errorResponseDoc('Not ready yet (queued, building or failed).'),
    410: errorResponseDoc('Expired: the file was deleted.'),
  },
}
