import { errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { SanitizedCollectionConfig } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import { bulkResultSchema, docMessageSchema, paginatedSchema } from './components'
import type { EntitySchemas } from './entitySchemas'
import { addOperation, type Method, operationId, type Paths, ref } from './operations'
import { idParameter, listParameters, oneParameters, WHERE_PARAMETER } from './parameters'

export type Context = {
  /** The API route (`config.routes.api`, `/api`). */
  api: string
  schemas: EntitySchemas
  idType: 'integer' | 'string'
  locales: string[]
}

const ERRORS = {
  400: errorResponseDoc('The request names a field or value the API refuses (the field is named).'),
  401: errorResponseDoc('Not logged in, or the credentials are not valid.'),
  403: errorResponseDoc('The caller may not do this.'),
  404: errorResponseDoc('No such document (or not one the caller may read).'),
}

const ACCESS_NOTE =
  "The collection's access rules decide per caller: anonymous readers see only what is public (published documents), logged-in members and staff may see more; fields with their own read rules are left out for callers they refuse."

const json = (description: string, schema: Parameters<typeof jsonResponseDoc>[1]) =>
  jsonResponseDoc(description, schema)

/** Payload's REST routes of one collection: list, count, read, create, update, delete. */
export const addCollectionPaths = (
  paths: Paths,
  collection: SanitizedCollectionConfig,
  { api, schemas, idType, locales }: Context,
) => {
  const { slug } = collection
  const names = schemas.names(slug)
  const drafts = hasDraftsEnabled(collection)
  const base = `${api}/${slug}`
  const byId = `${base}/{id}`
  const tags = [slug]
  const isUpload = Boolean(collection.upload)
  const op = (
    method: Method,
    path: string,
    rest: Omit<Parameters<typeof addOperation>[3], 'operationId' | 'tags'>,
  ) => addOperation(paths, path, method, { operationId: operationId(method, path), tags, ...rest })

  const body = (component: string) => ({
    required: true,
    content: {
      'application/json': { schema: ref(component) },
      ...(isUpload
        ? {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', contentMediaType: 'application/octet-stream' },
                  _payload: {
                    type: 'string',
                    description: `The other fields as JSON (${component}).`,
                  },
                },
              },
            },
          }
        : {}),
    },
  })

  op('get', base, {
    summary: `List ${slug}`,
    description: ACCESS_NOTE,
    parameters: listParameters(drafts, locales),
    responses: {
      200: json('A page of documents.', paginatedSchema(ref(names.read))),
      400: ERRORS[400],
      403: ERRORS[403],
    },
  })
  op('post', base, {
    summary: `Create one of ${slug}`,
    description: drafts
      ? 'Required fields are required when publishing (`_status: published`); a draft (`?draft=true`) may leave them out.'
      : undefined,
    parameters: oneParameters(drafts, locales),
    requestBody: body(names.create),
    responses: {
      201: json('Created.', docMessageSchema(ref(names.read))),
      400: ERRORS[400],
      403: ERRORS[403],
    },
  })
  op('patch', base, {
    summary: `Update every one of ${slug} matching \`where\``,
    parameters: [WHERE_PARAMETER, ...oneParameters(drafts, locales)],
    requestBody: body(names.update),
    responses: {
      200: json('The documents changed, and those refused.', bulkResultSchema(ref(names.read))),
      400: ERRORS[400],
      403: ERRORS[403],
    },
  })
  op('delete', base, {
    summary: `Delete every one of ${slug} matching \`where\``,
    parameters: [WHERE_PARAMETER],
    responses: {
      200: json('The documents deleted, and those refused.', bulkResultSchema(ref(names.read))),
      400: ERRORS[400],
      403: ERRORS[403],
    },
  })
  op('get', `${base}/count`, {
    summary: `Count ${slug}`,
    parameters: [WHERE_PARAMETER, ...(drafts ? listParameters(drafts, locales).slice(-1) : [])],
    responses: {
      200: json('How many documents match.', {
        type: 'object',
        additionalProperties: false,
        required: ['totalDocs'],
        properties: { totalDocs: { type: 'integer', minimum: 0 } },
      }),
      400: ERRORS[400],
      403: ERRORS[403],
    },
  })
  const id = idParameter(idType)
  op('get', byId, {
    summary: `Read one of ${slug}`,
    description: ACCESS_NOTE,
    parameters: [id, ...oneParameters(drafts, locales)],
    responses: {
      200: json('The document.', ref(names.read)),
      400: ERRORS[400],
      403: ERRORS[403],
      404: ERRORS[404],
    },
  })
  op('patch', byId, {
    summary: `Update one of ${slug}`,
    parameters: [id, ...oneParameters(drafts, locales)],
    requestBody: body(names.update),
    responses: {
      200: json('Updated.', docMessageSchema(ref(names.read))),
      400: ERRORS[400],
      403: ERRORS[403],
      404: ERRORS[404],
    },
  })
  op('delete', byId, {
    summary: `Delete one of ${slug}`,
    parameters: [id],
    responses: {
      200: json('Deleted.', docMessageSchema(ref(names.read))),
      403: ERRORS[403],
      404: ERRORS[404],
    },
  })
}
