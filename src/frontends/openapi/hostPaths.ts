import { errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'

import { addOperation, type Paths } from './operations'

const STATUS = (values: string[]) => ({ type: 'string', enum: values })

const GRAPHQL_RESPONSE = {
  type: 'object',
  properties: {
    data: { type: ['object', 'null'] },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: { message: { type: 'string' }, extensions: { type: 'object' } },
      },
    },
  },
}

/**
 * The express host's own routes (outside the API route) and Payload's GraphQL endpoint, which
 * `config.endpoints` does not list.
 */
export const addHostPaths = (paths: Paths, api: string, graphQLRoute: string) => {
  addOperation(paths, '/healthz', 'get', {
    operationId: 'get_healthz',
    summary: 'Liveness: the process answers',
    tags: ['operations'],
    security: [],
    'x-audience': 'public',
    responses: {
      200: jsonResponseDoc('Alive.', {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: { status: STATUS(['ok']) },
      }),
    },
  })
  addOperation(paths, '/readyz', 'get', {
    operationId: 'get_readyz',
    summary: 'Readiness: the database answers and the process is not draining',
    tags: ['operations'],
    security: [],
    'x-audience': 'public',
    responses: {
      200: jsonResponseDoc('Ready.', {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'database'],
        properties: { status: STATUS(['ready']), database: STATUS(['ok']) },
      }),
      503: jsonResponseDoc('Not ready: shutting down, or the database does not answer.', {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: {
          status: STATUS(['shutting-down', 'unavailable']),
          database: { type: 'string' },
        },
      }),
    },
  })
  const path = `${api}${graphQLRoute}`
  const request = {
    type: 'object',
    required: ['query'],
    properties: {
      query: { type: 'string' },
      variables: { type: ['object', 'null'] },
      operationName: { type: ['string', 'null'] },
    },
  }
  const description =
    'Limits: depth GRAPHQL_MAX_DEPTH, complexity GRAPHQL_MAX_COMPLEXITY and, for everyone but staff, root fields and documents read (see the README). A refusal is 200 with `errors` for `application/json` clients and 400 for `application/graphql-response+json`. Login and password-reset mutations are REST only.'
  addOperation(paths, path, 'post', {
    operationId: 'post_api_graphql',
    summary: 'GraphQL query or mutation',
    description,
    tags: ['graphql'],
    'x-audience': 'public',
    requestBody: { required: true, content: { 'application/json': { schema: request } } },
    responses: {
      200: jsonResponseDoc('The result (`data`, and `errors` if any).', GRAPHQL_RESPONSE),
      400: jsonResponseDoc(
        'Refused (`application/graphql-response+json` clients).',
        GRAPHQL_RESPONSE,
      ),
      413: errorResponseDoc('The body is larger than GRAPHQL_BODY_MAX_BYTES.'),
    },
  })
  addOperation(paths, path, 'get', {
    operationId: 'get_api_graphql',
    summary: 'GraphQL query over GET (cacheable; queries only)',
    tags: ['graphql'],
    'x-audience': 'public',
    parameters: [
      { name: 'query', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'variables', in: 'query', description: 'JSON', schema: { type: 'string' } },
      { name: 'operationName', in: 'query', schema: { type: 'string' } },
    ],
    responses: {
      200: jsonResponseDoc('The result.', GRAPHQL_RESPONSE),
      405: errorResponseDoc('A mutation over GET (names `query`).'),
    },
  })
}
