import {
  type EndpointDoc,
  endpointDoc,
  type EndpointParameter,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'
import type { Endpoint, SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { builtInEndpoints, type EndpointOwner } from './builtInEndpoints'
import { SECURITY } from './components'
import {
  addOperation,
  type Method,
  openAPIPath,
  operationId,
  pathParameterNames,
  type Paths,
} from './operations'

/** A custom endpoint where it is served: its full OpenAPI path and its description, if any. */
export type CustomEndpoint = {
  method: Method
  /** The OpenAPI path (`/api/comments/{id}/report`). */
  path: string
  /** The owner's slug (a collection's or global's), for the default tag. */
  owner?: string
  doc?: EndpointDoc
}

const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete'])

/**
 * Every custom endpoint of the config (the root's, each collection's and each global's), less
 * Payload's own and those of the `left out` collections and globals (Payload's bookkeeping, which
 * is not part of the public contract).
 */
export const customEndpoints = (
  config: {
    endpoints?: Endpoint[]
    collections: Pick<SanitizedCollectionConfig, 'slug' | 'endpoints' | 'auth' | 'upload'>[]
    globals: Pick<SanitizedGlobalConfig, 'slug' | 'endpoints'>[]
    routes: { api: string }
  },
  leftOut: Set<string>,
): CustomEndpoint[] => {
  const api = config.routes.api
  const found: CustomEndpoint[] = []
  const collect = (
    owner: EndpointOwner,
    endpoints: Endpoint[] | false | undefined,
    prefix: string,
    slug?: string,
  ) => {
    const builtIn = builtInEndpoints(owner, endpoints || [])
    for (const endpoint of endpoints || []) {
      const doc = endpointDoc(endpoint)
      const method = endpoint.method.toLowerCase()
      if (!METHODS.has(method)) continue
      if (!doc && builtIn.has(endpoint)) continue
      found.push({
        method: method as Method,
        path: openAPIPath(`${prefix}${endpoint.path === '/' ? '' : endpoint.path}`),
        owner: slug,
        doc,
      })
    }
  }
  collect({ kind: 'root' }, config.endpoints, api)
  for (const collection of config.collections)
    if (!leftOut.has(collection.slug))
      collect(
        { kind: 'collection', auth: Boolean(collection.auth), upload: Boolean(collection.upload) },
        collection.endpoints,
        `${api}/${collection.slug}`,
        collection.slug,
      )
  for (const global of config.globals)
    if (!leftOut.has(global.slug))
      collect({ kind: 'global' }, global.endpoints, `${api}/globals/${global.slug}`, global.slug)
  return found
}

/** Credentials are optional for public endpoints and needed for the others. */
const securityFor = (doc: EndpointDoc): Record<string, string[]>[] =>
  doc.audience === 'public'
    ? [{}, { [SECURITY.cookie]: [] }, { [SECURITY.jwt]: [] }]
    : [{ [SECURITY.cookie]: [] }, { [SECURITY.jwt]: [] }]

/** Path parameters the description left out, declared as strings (OpenAPI requires them). */
const withPathParameters = (path: string, parameters: EndpointParameter[] = []) => [
  ...parameters,
  ...pathParameterNames(path)
    .filter(
      (name) => !parameters.some((parameter) => parameter.in === 'path' && parameter.name === name),
    )
    .map((name): EndpointParameter => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
]

const defaultTag = (endpoint: CustomEndpoint, api: string) =>
  endpoint.owner ?? endpoint.path.slice(api.length).split('/').filter(Boolean)[0] ?? 'api'

/**
 * The custom endpoints' operations (one without a description is marked `x-undocumented`); the
 * named schemas their descriptions bring are added to `schemas`.
 */
export const addCustomEndpointPaths = (
  paths: Paths,
  schemas: Record<string, JSONSchema>,
  endpoints: CustomEndpoint[],
  api: string,
) => {
  for (const endpoint of endpoints) {
    Object.assign(schemas, endpoint.doc?.schemas)
    const { doc, method, path } = endpoint
    const parameters = withPathParameters(path, doc?.parameters)
    addOperation(paths, path, method, {
      operationId: operationId(method, path),
      summary: doc?.summary ?? 'Not documented yet',
      ...(doc?.description ? { description: doc.description } : {}),
      tags: doc?.tags ?? [defaultTag(endpoint, api)],
      ...(parameters.length ? { parameters } : {}),
      ...(doc?.requestBody ? { requestBody: doc.requestBody } : {}),
      responses: doc?.responses ?? { default: { description: 'Not documented yet.' } },
      ...(doc
        ? { security: securityFor(doc), 'x-audience': doc.audience }
        : { 'x-undocumented': true }),
    })
  }
}
