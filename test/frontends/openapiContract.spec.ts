import {
  documented,
  type EndpointDoc,
  errorResponseDoc,
  jsonResponseDoc,
} from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { ERROR_COMPONENT } from '@/frontends/openapi/components'
import { addCustomEndpointPaths, customEndpoints } from '@/frontends/openapi/customEndpoints'
import type { Paths } from '@/frontends/openapi/operations'

import {
  type ContractDocument,
  contractErrors,
  expectResponseMatchesContract,
  findPathTemplate,
} from '../helpers/openapiContract'

/** A document with one hand-written endpoint, built the way the generator builds it. */
const documentWith = (doc: EndpointDoc, path = '/widgets/:id/count'): ContractDocument => {
  const endpoint = documented<Endpoint>({ path, method: 'get', handler: () => new Response() }, doc)
  const paths: Paths = {}
  const schemas = { Error: ERROR_COMPONENT }
  addCustomEndpointPaths(
    paths,
    schemas,
    customEndpoints(
      { endpoints: [endpoint], collections: [], globals: [], routes: { api: '/api' } },
      new Set(),
    ),
    '/api',
  )
  return { paths, components: { schemas } }
}

const COUNT_AS_STRING: EndpointDoc = {
  summary: 'A count, documented wrongly as a string',
  audience: 'public',
  responses: {
    200: jsonResponseDoc('The count.', {
      type: 'object',
      required: ['count'],
      properties: { count: { type: 'string' } },
    }),
    404: errorResponseDoc('No such widget.'),
  },
}

const COUNT_AS_INTEGER: EndpointDoc = {
  ...COUNT_AS_STRING,
  responses: {
    ...COUNT_AS_STRING.responses,
    200: jsonResponseDoc('The count.', {
      type: 'object',
      required: ['count'],
      properties: { count: { type: 'integer' } },
    }),
  },
}

const json = (body: unknown, status = 200) => Response.json(body, { status })

describe('the contract helper', () => {
  it('fails an answer whose field has another type than documented, naming it', async () => {
    const document = documentWith(COUNT_AS_STRING)
    await expect(
      expectResponseMatchesContract(document, 'GET', '/api/widgets/7/count', json({ count: 3 })),
    ).rejects.toThrow(/GET \/api\/widgets\/\{id\}\/count → 200[\s\S]*\/count must be string/)
  })

  it('passes the same answer against a right description', async () => {
    const document = documentWith(COUNT_AS_INTEGER)
    await expect(
      expectResponseMatchesContract(
        document,
        'GET',
        '/api/widgets/7/count?x=1',
        json({ count: 3 }),
      ),
    ).resolves.toEqual({ count: 3 })
  })

  it('fails an answer with a field the description does not name (objects are closed)', () => {
    const document = documentWith(COUNT_AS_INTEGER)
    const { errors } = contractErrors(
      document,
      'get',
      '/api/widgets/7/count',
      200,
      'application/json',
      {
        count: 3,
        secret: 'leaked',
      },
    )
    expect(errors.join('\n')).toMatch(/must NOT have additional properties.*secret/)
  })

  it('checks error bodies against the shared Error schema', () => {
    const document = documentWith(COUNT_AS_INTEGER)
    const check = (body: unknown) =>
      contractErrors(document, 'get', '/api/widgets/7/count', 404, 'application/json', body).errors
    expect(check({ errors: [{ message: 'Not Found' }] })).toEqual([])
    expect(
      check({
        errors: [{ message: 'No', field: 'id', data: { errors: [{ path: 'id', message: 'No' }] } }],
      }),
    ).toEqual([])
    expect(check({ error: 'Not Found' })).not.toEqual([])
  })

  it('refuses undocumented paths, methods, statuses and media types', () => {
    const document = documentWith(COUNT_AS_INTEGER)
    const errorsOf = (method: string, path: string, status: number, type = 'application/json') =>
      contractErrors(document, method, path, status, type, {}).errors.join('\n')
    expect(errorsOf('get', '/api/gadgets', 200)).toMatch(/no path in the document/)
    expect(errorsOf('post', '/api/widgets/7/count', 200)).toMatch(/has no post operation/)
    expect(errorsOf('get', '/api/widgets/7/count', 500)).toMatch(/status 500 is not documented/)
    expect(errorsOf('get', '/api/widgets/7/count', 200, 'text/html')).toMatch(
      /media type text\/html is not documented/,
    )
  })

  it('prefers a literal path to a template', () => {
    const document: ContractDocument = {
      paths: { '/api/blogs/{id}': {}, '/api/blogs/count': {} },
    }
    expect(findPathTemplate(document, '/api/blogs/count')).toBe('/api/blogs/count')
    expect(findPathTemplate(document, '/api/blogs/12')).toBe('/api/blogs/{id}')
  })
})
