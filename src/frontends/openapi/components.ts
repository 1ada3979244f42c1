import type { JSONSchema } from '@q-community/plugin-shared/openapi'

/**
 * The error body of every refusal: the host's and the plugins' (`errors[0].field` and
 * `data.errors[].path` name the field) and Payload's own (`name` is `ValidationError`, `Forbidden`,
 * `NotFound`…; a ValidationError's `data` also names the collection or global).
 */
export const ERROR_COMPONENT: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['message'],
        properties: {
          message: { type: 'string' },
          field: { type: 'string', description: 'The field the refusal is about.' },
          name: { type: 'string', description: "Payload's error class, e.g. ValidationError." },
          data: {
            type: ['object', 'null'],
            properties: {
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['message'],
                  properties: {
                    path: { type: 'string' },
                    message: { type: 'string' },
                    label: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
}

/** A page of documents, as every list (REST `GET /api/<slug>`, joins, custom lists) answers. */
export const paginatedSchema = (docs: JSONSchema): JSONSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [
    'docs',
    'totalDocs',
    'limit',
    'totalPages',
    'page',
    'pagingCounter',
    'hasPrevPage',
    'hasNextPage',
    'prevPage',
    'nextPage',
  ],
  properties: {
    docs: { type: 'array', items: docs },
    totalDocs: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 0 },
    totalPages: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pagingCounter: { type: 'integer', minimum: 0 },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
})

/** `{ doc, message }`: what creating, updating and deleting one document answer. */
export const docMessageSchema = (doc: JSONSchema): JSONSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['doc', 'message'],
  properties: { doc, message: { type: 'string' } },
})

/** What a bulk update or delete by `where` answers: the documents changed and the refusals. */
export const bulkResultSchema = (doc: JSONSchema): JSONSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['docs', 'errors'],
  properties: {
    docs: { type: 'array', items: doc },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: ['integer', 'string'] }, message: { type: 'string' } },
      },
    },
    message: { type: 'string' },
  },
})

/** How callers prove who they are (the names are the keys of `components.securitySchemes`). */
export const SECURITY = { cookie: 'payloadToken', jwt: 'jwt' } as const

export const securitySchemes = (cookieName: string) => ({
  [SECURITY.cookie]: {
    type: 'apiKey',
    in: 'cookie',
    name: cookieName,
    description: 'The HTTP-only cookie a login sets (browsers on an allowed origin send it).',
  },
  [SECURITY.jwt]: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description:
      'The token a login answers, sent as `Authorization: JWT <token>` (a staff account or a member).',
  },
})
