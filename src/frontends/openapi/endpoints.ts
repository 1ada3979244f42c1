import { documented, errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { DOCS_PATH } from './contentSecurityPolicy'
import { DOCS_ASSETS, docsAsset, docsPageHTML } from './docsPage'
import { openAPIDocumentOf } from './memo'

const TAGS = ['reference']

const openAPIJSON = documented<Endpoint>(
  {
    path: '/openapi.json',
    method: 'get',
    handler: (req) =>
      new Response(openAPIDocumentOf(req.payload).json, {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      }),
  },
  {
    summary: 'This document (OpenAPI 3.1)',
    description:
      'Generated from the running configuration; the same for everyone, cached and compressed like the other public reads.',
    tags: TAGS,
    audience: 'public',
    responses: {
      200: jsonResponseDoc('The OpenAPI 3.1 document.', {
        type: 'object',
        required: ['openapi', 'info', 'paths', 'components'],
        properties: {
          openapi: { const: '3.1.0' },
          info: { type: 'object' },
          servers: { type: 'array' },
          paths: { type: 'object' },
          components: { type: 'object' },
        },
        additionalProperties: true,
      }),
    },
  },
)

const docsPage = documented<Endpoint>(
  {
    path: DOCS_PATH,
    method: 'get',
    handler: (req) =>
      new Response(docsPageHTML(req.payload.config.routes.api), {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'public, max-age=300',
        },
      }),
  },
  {
    summary: 'The interactive API reference (Swagger UI)',
    tags: TAGS,
    audience: 'public',
    responses: {
      200: {
        description: 'An HTML page.',
        content: { 'text/html': { schema: { type: 'string' } } },
      },
    },
  },
)

const docsAssets = documented<Endpoint>(
  {
    path: `${DOCS_PATH}/:asset`,
    method: 'get',
    handler: async (req) => {
      const name = String(req.routeParams?.asset ?? '')
      const bytes = docsAsset(name)
      if (!bytes) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
      return new Response(new Uint8Array(await bytes), {
        headers: {
          'Content-Type': DOCS_ASSETS[name].contentType,
          // The package's files change only with a deploy.
          'Cache-Control': 'public, max-age=3600',
        },
      })
    },
  },
  {
    summary: "The reference page's script and style (from the swagger-ui-dist package)",
    tags: TAGS,
    audience: 'public',
    parameters: [
      {
        name: 'asset',
        in: 'path',
        required: true,
        schema: { type: 'string', enum: Object.keys(DOCS_ASSETS) },
      },
    ],
    responses: {
      200: {
        description: 'The file.',
        content: {
          'text/css': { schema: { type: 'string' } },
          'text/javascript': { schema: { type: 'string' } },
        },
      },
      404: errorResponseDoc('No such file.'),
    },
  },
)

/** `GET /api/openapi.json`, `GET /api/docs` and its assets. */
export const openAPIEndpoints: Endpoint[] = [openAPIJSON, docsPage, docsAssets]
