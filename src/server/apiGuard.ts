import type { RequestHandler, Response } from 'express'
import { match } from 'path-to-regexp'
import type { Endpoint, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { parse } from 'qs-esm'

import { isNumericDocumentId } from '../http/documentId'
import { errorBody } from '../http/errorResponses'
import { queryProblem } from '../http/queryGuard'

export type ApiGuardOptions = {
  config: SanitizedConfig
  /** The database's id type: ids that cannot be one are not found, before the database is asked. */
  idType: 'number' | 'text'
  /** The auth collection of the request's user (undefined: anonymous), for the admin-only routes below. */
  userCollection: (headers: Headers) => Promise<string | undefined>
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
/** Payload's own routes that read where/sort/select (every collection route parses where and data). */
const QUERY_ROUTES = [
  '/',
  '/count',
  '/:id',
  '/versions',
  '/versions/:id',
  '/:id/duplicate',
  '/distinct',
]
/** Payload's own create/update routes: they read a JSON object or a multipart upload, nothing else. */
const WRITE_ROUTES = ['/', '/:id']
const OWN_ROUTES = ['/graphql', '/graphql-playground']

const isJSONOrMultipart = (contentType: string) =>
  /^(application\/json|multipart\/form-data)\s*(;|$)/i.test(contentType)

/** A read sent as POST with its query in a form body (Payload's method override). */
const isQueryInBody = (method: string, headers: Record<string, string | string[] | undefined>) =>
  method === 'POST' &&
  String(headers['x-payload-http-method-override'] ?? '').toUpperCase() === 'GET' &&
  /^application\/x-www-form-urlencoded\s*(;|$)/i.test(String(headers['content-type'] ?? ''))

/** Node's headers as Web Headers, skipping any a Headers object refuses. */
const requestHeaders = (incoming: Record<string, string | string[] | undefined>) => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    try {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    } catch {
      // an invalid header value cannot carry a valid credential
    }
  }
  return headers
}

type Matched = { endpoint: Endpoint; params: Record<string, string> }

type PathMatcher = (pathname: string) => Record<string, string> | null

// Compiled once per endpoint path: compiling path-to-regexp on every request cost more than the
// rest of the guard together.
const matchers = new Map<string, PathMatcher>()
const matcherFor = (path: string): PathMatcher => {
  let matcher = matchers.get(path)
  if (!matcher) {
    let compiled: ReturnType<typeof match<Record<string, string>>> | undefined
    try {
      compiled = match<Record<string, string>>(path, { decode: decodeURIComponent })
    } catch {
      compiled = undefined
    }
    matcher = (pathname) => {
      try {
        const result = compiled?.(pathname)
        return result ? result.params : null
      } catch {
        return null
      }
    }
    matchers.set(path, matcher)
  }
  return matcher
}

/** The endpoint Payload would run for this method and path (the first that matches, as Payload picks it). */
const findEndpoints = (endpoints: Endpoint[], pathname: string) =>
  endpoints.flatMap((endpoint): Matched[] => {
    const params = matcherFor(endpoint.path)(pathname)
    return params ? [{ endpoint, params }] : []
  })

/** A refusal: its status, the field it names, its message and, for a 405, the methods allowed. */
type Refusal = { status: number; field: string; message: string; allow?: string }

const isRefusal = (value: object): value is Refusal => 'status' in value && 'message' in value

const refuse = (res: Response, { status, field, message, allow }: Refusal) => {
  if (allow) res.setHeader('Allow', allow)
  res.status(status).json(errorBody(field, message))
}

const nothingServed = (path: string): Refusal => ({
  status: 404,
  field: 'path',
  message: `Nothing is served at /api${path}.`,
})

/** The path decoded, or a 400 when it is not valid percent-encoding. */
const decodedPath = (path: string): string | Refusal => {
  try {
    return decodeURIComponent(path)
  } catch {
    return { status: 400, field: 'path', message: 'The path is not valid percent-encoding.' }
  }
}

/** GraphQL reads JSON only; anything else would reach Payload's multipart parser. */
const ownRouteRefusal = (
  pathname: string,
  method: string,
  contentType: string | undefined,
): Refusal | undefined =>
  pathname === '/graphql' &&
  method === 'POST' &&
  !/^application\/json\s*(;|$)/i.test(contentType ?? '')
    ? {
        status: 415,
        field: 'body',
        message: 'Send GraphQL requests as JSON (Content-Type: application/json).',
      }
    : undefined

type Route = { endpoints: Endpoint[]; rest: string; collection?: SanitizedCollectionConfig }

/** The endpoints that could serve `path` (a global's, a collection's or the root's) and the path within them. */
const routeOf = (
  path: string,
  config: SanitizedConfig,
  collections: Map<string, SanitizedCollectionConfig>,
): Route | Refusal => {
  const segments = path.split('/').slice(1)
  let endpoints: Endpoint[] | false = config.endpoints
  let rest = path
  let collection: SanitizedCollectionConfig | undefined
  if (segments[0] === 'globals') {
    const global = config.globals.find((candidate) => candidate.slug === segments[1])
    if (!global) return { status: 404, field: 'path', message: `No global "${segments[1] ?? ''}".` }
    endpoints = global.endpoints
    rest = `/${segments.slice(2).join('/')}`
  } else if (collections.has(segments[0])) {
    collection = collections.get(segments[0])
    endpoints = collection?.endpoints ?? false
    rest = `/${segments.slice(1).join('/')}`
  }
  // Payload answers 501 for a collection without endpoints (payload-migrations): there is nothing here.
  if (endpoints === false) return nothingServed(path)
  return { endpoints, rest, collection }
}

/** The endpoint for this method, a 404 when none serves the path, or a 405 naming the methods that would. */
const matchEndpoint = (route: Route, method: string, path: string): Matched | Refusal => {
  const candidates = findEndpoints(route.endpoints, route.rest)
  if (candidates.length === 0) return nothingServed(path)
  const matched = candidates.find((candidate) => candidate.endpoint.method.toUpperCase() === method)
  if (matched) return matched
  const allowed = [
    ...new Set(candidates.map((candidate) => candidate.endpoint.method.toUpperCase())),
  ]
  return {
    status: 405,
    field: 'method',
    message: `${method} is not allowed here; use ${allowed.join(' or ')}.`,
    allow: allowed.join(', '),
  }
}

type CollectionRequest = {
  collection: SanitizedCollectionConfig
  collections: Map<string, SanitizedCollectionConfig>
  matched: Matched
  idType: ApiGuardOptions['idType']
  originalUrl: string
}

/** On a collection's route: versions it does not keep, ids that cannot exist, malformed queries. */
const collectionRequestRefusal = ({
  collection,
  collections,
  matched,
  idType,
  originalUrl,
}: CollectionRequest): Refusal | undefined => {
  // Payload serves /versions for every collection and fails (500) on those without versions.
  if (matched.endpoint.path.startsWith('/versions') && !collection.versions)
    return { status: 404, field: 'path', message: `${collection.slug} keeps no versions.` }
  const id = matched.params.id
  const customID = collection.flattenedFields.find(
    (field) => 'name' in field && field.name === 'id',
  )
  const numericIDs = customID ? customID.type === 'number' : idType === 'number'
  if (id !== undefined && numericIDs && !isNumericDocumentId(id)) {
    return {
      status: 404,
      field: 'id',
      message: `No ${collection.slug} document has the id "${id.slice(0, 64)}".`,
    }
  }
  const search = originalUrl.includes('?') ? originalUrl.slice(originalUrl.indexOf('?')) : ''
  // Parsed exactly as Payload parses it (createPayloadRequest).
  const query = parse(search, {
    allowEmptyArrays: true,
    arrayLimit: 1000,
    depth: 10,
    ignoreQueryPrefix: true,
  }) as Record<string, unknown>
  const problem = queryProblem(
    {
      collection,
      collectionBySlug: (slug) => collections.get(slug),
      idType,
      versions: matched.endpoint.path.startsWith('/versions'),
    },
    query,
    { full: QUERY_ROUTES.includes(matched.endpoint.path) },
  )
  return problem ? { status: 400, field: problem.field, message: problem.message } : undefined
}

/**
 * Answers what Payload would answer with a 500 or a misleading status, before Next is involved:
 * a path that is not valid percent-encoding (400 naming `path`), an unknown method or one the route
 * does not have (405 with `Allow`), an id that cannot exist (404 naming `id`), malformed
 * `where`/`sort`/`select`/`data` (400 naming it), and a create/update body that is neither JSON nor
 * an upload (415 naming `body`). Everything else goes on to Payload unchanged.
 */
export const apiGuard = ({ config, idType, userCollection }: ApiGuardOptions): RequestHandler => {
  const collections = new Map<string, SanitizedCollectionConfig>(
    config.collections.map((collection) => [collection.slug, collection]),
  )
  return async (req, res, next) => {
    const pathname = decodedPath(req.path)
    if (typeof pathname !== 'string') return refuse(res, pathname)
    if (!METHODS.includes(req.method))
      return refuse(res, {
        status: 405,
        field: 'method',
        message: `${req.method} is not supported.`,
        allow: METHODS.join(', '),
      })
    if (OWN_ROUTES.includes(pathname)) {
      const refusal = ownRouteRefusal(pathname, req.method, req.headers['content-type'])
      return refusal ? refuse(res, refusal) : next()
    }

    const route = routeOf(req.path, config, collections)
    if (isRefusal(route)) return refuse(res, route)
    if (req.method === 'OPTIONS' || req.method === 'HEAD') return next()
    const matched = matchEndpoint(route, req.method, req.path)
    if (isRefusal(matched)) return refuse(res, matched)
    if (!route.collection) return next()

    const refusal = collectionRequestRefusal({
      collection: route.collection,
      collections,
      matched,
      idType,
      originalUrl: req.originalUrl,
    })
    if (refusal) return refuse(res, refusal)
    // Payload's admin reads long lists as `POST` + `X-Payload-HTTP-Method-Override: GET` with the
    // query as a form body, which this guard cannot check before the body is read: staff only (the
    // admin's users); members and visitors send the query in the URL, where it is checked.
    if (
      isQueryInBody(req.method, req.headers) &&
      (await userCollection(requestHeaders(req.headers))) === config.admin.user
    )
      return next()
    if (
      ['POST', 'PATCH', 'PUT'].includes(req.method) &&
      WRITE_ROUTES.includes(matched.endpoint.path) &&
      !isJSONOrMultipart(req.headers['content-type'] ?? '')
    ) {
      return refuse(res, {
        status: 415,
        field: 'body',
        message: 'Send a JSON object (Content-Type: application/json) or a multipart upload.',
      })
    }
    next()
  }
}
