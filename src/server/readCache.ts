import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'

import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from 'express'

import { currentGeneration, type ReadCache, readCache } from '../cache/readCacheState'
import {
  cacheableGetPath,
  chooseEncoding,
  type ContentEncoding,
  etagFor,
  isAnonymous,
  isGraphQLQuery,
  matchesIfNoneMatch,
  notModifiedSince,
  type ReadRoutes,
} from '../cache/readRequest'
import type { CachedResponse } from '../cache/responseCache'
import { errorBody } from '../http/errorResponses'
import { REQUEST_BODY } from './readBody'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/** Answers a Web request with Payload directly (REST or GraphQL), as Next's route handlers would. */
export type PayloadResponder = (
  request: globalThis.Request,
  kind: 'rest' | 'graphql',
) => Promise<globalThis.Response>

export type ReadCacheOptions = {
  routes: ReadRoutes
  respond: PayloadResponder
  /** Payload's `cors` setting: origins that get `Access-Control-Allow-Origin`, or `*`. */
  corsOrigins: readonly string[] | '*'
  /** `Cache-Control` of cached public reads. */
  cacheControl: string
  /** The CMS's own address: requests to Payload are built on it, never on a client's `Host`. */
  serverURL: string
  /** Payload's auth cookie (`<cookiePrefix>-token`). */
  authCookie: string
}

/** A response that is not kept (an error, a cookie, not JSON), replayed as it came. */
type OneOff = { status: number; headers: [string, string][]; body: Buffer }

/** Headers that describe one transfer, not the document, or are set per request here. */
const PER_TRANSFER_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'vary',
  'cache-control',
  'access-control-allow-origin',
  'access-control-allow-credentials',
])

/** Request headers not given to Payload: the cache negotiates encodings and validators itself. */
const HOP_HEADERS = new Set([
  'accept-encoding',
  'if-none-match',
  'if-modified-since',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
])
/**
 * Also not given to Payload for a copy that will be kept: whatever a client sent that Payload might
 * still read as a login (a cookie spelled oddly, say), the kept copy is the anonymous answer.
 */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie'])

const VARY = 'Accept-Encoding, Origin, Authorization, Cookie'

/** Given to Payload for an answer that is not kept: endpoints that revalidate themselves use them. */
const CONDITIONAL_HEADERS = new Set(['if-none-match', 'if-modified-since'])

const toWebHeaders = (
  headers: IncomingHttpHeaders,
  anonymous: boolean,
  extra: Record<string, string> = {},
  conditional = false,
) => {
  const result = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (
      value === undefined ||
      (HOP_HEADERS.has(name) && !(conditional && CONDITIONAL_HEADERS.has(name))) ||
      (anonymous && CREDENTIAL_HEADERS.has(name))
    )
      continue
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item)
  }
  for (const [name, value] of Object.entries(extra)) result.set(name, value)
  return result
}

type GraphQLRead = { query: unknown; variables?: unknown; operationName?: unknown }

/** The GraphQL operation of a POST body or GET parameters, or null when there is none to read. */
const graphQLRead = (req: ExpressRequest, body: Buffer | undefined): GraphQLRead | null => {
  if (req.method === 'GET') {
    const { query, variables, operationName } = req.query
    if (typeof query !== 'string') return null
    let parsedVariables: unknown
    if (typeof variables === 'string' && variables !== '') {
      try {
        parsedVariables = JSON.parse(variables)
      } catch {
        parsedVariables = undefined
      }
    }
    return { query, variables: parsedVariables, operationName }
  }
  if (!body) return null
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as GraphQLRead)
      : null
  } catch {
    return null
  }
}

const compress = async (identity: Buffer) => {
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(identity, { level: 6 }),
    // Quality 5: most of brotli's gain at a small part of the default (11)'s time, on every miss.
    brotliAsync(identity, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ])
  return { gzip: gzipped, br: brotli }
}

/** The `Last-Modified` an endpoint gave a kept copy (feeds, sitemaps, calendars), if any. */
const lastModifiedOf = (entry: CachedResponse): string | undefined =>
  entry.headers.find(([name]) => name.toLowerCase() === 'last-modified')?.[1]

const availableEncodings = (entry: CachedResponse): ContentEncoding[] => [
  ...(entry.bodies.br ? (['br'] as const) : []),
  ...(entry.bodies.gzip ? (['gzip'] as const) : []),
  'identity',
]

/** JSON, and the feeds, sitemaps and calendars the frontend endpoints answer (src/frontends). */
const CACHEABLE_TYPE = /^(?:application\/(?:[\w.+-]*\+)?(?:json|xml)|text\/calendar)\b/i

const isCacheable = (response: globalThis.Response) =>
  response.status === 200 &&
  !response.headers.has('set-cookie') &&
  CACHEABLE_TYPE.test(response.headers.get('content-type') ?? '')

/** A GraphQL answer with errors (a resolver or database failure, say) is answered, never kept. */
const hasGraphQLErrors = (body: Buffer) => {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown }
    return Array.isArray(parsed.errors) && parsed.errors.length > 0
  } catch {
    return true
  }
}

/**
 * GraphQL over HTTP answers a refused query 200 or 4xx depending on `Accept`
 * (`application/graphql-response+json`): the two are different responses.
 */
const graphQLResponseType = (accept: string | undefined) =>
  accept?.includes('application/graphql-response+json') ? 'graphql-response' : 'json'

const keptHeaders = (response: globalThis.Response): [string, string][] =>
  [...response.headers.entries()].filter(([name]) => !PER_TRANSFER_HEADERS.has(name.toLowerCase()))

const corsHeaders = (
  origin: string | undefined,
  corsOrigins: readonly string[] | '*',
): [string, string][] => {
  if (corsOrigins === '*') return [['Access-Control-Allow-Origin', '*']]
  return origin && corsOrigins.includes(origin)
    ? [
        ['Access-Control-Allow-Origin', origin],
        ['Access-Control-Allow-Credentials', 'true'],
      ]
    : []
}

const sendOneOff = (res: ServerResponse, result: OneOff) => {
  res.statusCode = result.status
  for (const [name, value] of result.headers) {
    // `private, no-store` set here for a reader with credentials wins over the endpoint's own.
    if (name.toLowerCase() === 'cache-control' && res.hasHeader('cache-control')) continue
    res.appendHeader(name, value)
  }
  // A 304 has no content; its Content-Length would have to be the 200's (RFC 9110 §8.6).
  if (result.status !== 304) res.setHeader('Content-Length', result.body.length)
  res.end(result.body)
}

/** A read's key in the cache: its URL for REST; for GraphQL, the response type and a hash of the query. */
const cacheKeyOf = (req: ExpressRequest, isGraphQLPath: boolean, read: GraphQLRead | null) =>
  isGraphQLPath
    ? `graphql ${graphQLResponseType(req.headers.accept)} ${createHash('sha256')
        .update(JSON.stringify([read?.query, read?.variables ?? null, read?.operationName ?? null]))
        .digest('base64url')}`
    : `GET ${req.originalUrl}`

/**
 * The read `fill` answers (a GraphQL query, a REST read it may keep), or null to pass the request
 * on; 'refused' when it has answered a mutation sent with GET.
 */
const fillableRead = (
  req: ExpressRequest,
  res: ExpressResponse,
  routes: ReadRoutes,
): { kind: 'rest' | 'graphql'; read: GraphQLRead | null } | 'refused' | null => {
  const isGraphQLPath = req.path === '/graphql'
  if (req.method !== 'GET' && !(req.method === 'POST' && isGraphQLPath)) return null
  if (!isGraphQLPath)
    return cacheableGetPath(req.path, routes) ? { kind: 'rest', read: null } : null
  const read = graphQLRead(req, res.locals[REQUEST_BODY] as Buffer | undefined)
  if (!read) return null
  if (isGraphQLQuery(read.query, read.operationName)) return { kind: 'graphql', read }
  // A GET may only read (GraphQL over HTTP): a mutation there is refused, never run.
  if (req.method === 'GET') {
    res
      .status(405)
      .setHeader('Allow', 'POST')
      .json(errorBody('query', 'Only queries may be sent with GET; send mutations with POST.'))
    return 'refused'
  }
  return null
}

/** Keeps a cacheable answer under `key`: its bytes as they are now, compressed copies once made. */
/**
 * A kept copy's `Last-Modified` is when its body last changed (ResponseCache.modifiedAt), not the
 * newest item the endpoint saw: an item unpublished or deleted, an event that ended or a byline
 * withdrawn changes the body without a newer item, and an `If-Modified-Since` compared with the
 * items would keep the removed content alive.
 */
const withLastModified = (
  headers: [string, string][],
  modifiedAt: () => number,
): [string, string][] =>
  headers.map(([name, value]) =>
    name.toLowerCase() === 'last-modified'
      ? [name, new Date(modifiedAt()).toUTCString()]
      : [name, value],
  )

const keepEntry = (
  cache: ReadCache,
  key: string,
  generation: number,
  response: globalThis.Response,
  identity: Buffer,
): CachedResponse => {
  const hash = createHash('sha1').update(identity).digest('base64url')
  const entry: CachedResponse = {
    generation,
    status: response.status,
    headers: withLastModified(keptHeaders(response), () => cache.responses.modifiedAt(key, hash)),
    hash,
    bodies: { identity },
  }
  cache.responses.set(key, entry)
  // Compressed off the miss's path, once its answer is written: the first readers get the
  // document as it is.
  setImmediate(
    () =>
      void compress(identity).then(
        (compressed) => {
          Object.assign(entry.bodies, compressed)
          cache.responses.resized(key, entry)
        },
        (error: unknown) =>
          console.error(`[read-cache] could not compress ${key}: ${(error as Error).message}`),
      ),
  )
  return entry
}

export type ReadCacheHandlers = {
  /** Express middleware before the API guard: REST reads in the cache. */
  lookup: RequestHandler
  /** Express middleware after the guard and body reader: misses, GraphQL, reads with credentials. */
  fill: RequestHandler
  /** Before express: true when the request was answered from memory (or a promise of that). */
  answerFromMemory: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>
}

/** Set on `res.locals` by the early lookup: the generation it read, so the fill need not read it again. */
const LOOKED_UP_GENERATION = 'readCacheGeneration'

/**
 * Public reads from memory: anonymous REST lists, documents and globals, GraphQL queries (POST,
 * and GET with `?query=`) and the public custom endpoints are answered once by Payload, then from
 * the exact bytes, pre-compressed (brotli, gzip), with a strong ETag and 304s that touch nothing
 * but memory. Every write raises the cache's generation (src/cache/invalidateOnWrites.ts), so a
 * copy is never served after the write that changed it. Reads with credentials, and every read
 * while the cache is off, are answered by Payload directly too (not through Next's router), never
 * kept, and those with credentials are marked private.
 *
 * `fill` is mounted after the API guard and the body reader: what it answers has been checked.
 */
export const readCacheMiddleware = ({
  routes,
  respond,
  corsOrigins,
  cacheControl,
  serverURL,
  authCookie,
}: ReadCacheOptions): ReadCacheHandlers => {
  const produce = async (
    req: ExpressRequest,
    kind: 'rest' | 'graphql',
    read: GraphQLRead | null,
    anonymous: boolean,
    conditional = false,
  ): Promise<globalThis.Response> => {
    const url = new URL(req.originalUrl, serverURL)
    if (kind === 'rest')
      return respond(
        new Request(url, {
          method: 'GET',
          headers: toWebHeaders(req.headers, anonymous, {}, conditional),
        }),
        'rest',
      )
    url.search = ''
    const body = JSON.stringify({
      query: read?.query,
      variables: read?.variables,
      operationName: read?.operationName,
    })
    return respond(
      new Request(url, {
        method: 'POST',
        headers: toWebHeaders(req.headers, anonymous, { 'content-type': 'application/json' }),
        body,
      }),
      'graphql',
    )
  }

  /**
   * The headers the express stack in front of the cache sets on every API response (helmet's, the
   * CSP), as seen on the first copy it served: answers from memory before express carry them too.
   */
  let stackHeaders: [string, string | number | string[]][] | undefined

  const sendEntry = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse) => {
    // Not while draining (`Connection: close` is set per response then).
    if (!stackHeaders && !res.hasHeader('connection'))
      stackHeaders = Object.entries(res.getHeaders()).filter(
        (header): header is [string, string | number | string[]] => header[1] !== undefined,
      )
    const cache = readCache()
    const encoding = chooseEncoding(req.headers['accept-encoding'], availableEncodings(entry))
    for (const [name, value] of corsHeaders(req.headers.origin, corsOrigins))
      res.setHeader(name, value)
    res.setHeader('Vary', VARY)
    res.setHeader('Cache-Control', cacheControl)
    res.setHeader('ETag', etagFor(entry.hash, encoding))
    // Only a GET is revalidated (RFC 9110: If-None-Match on other methods is a precondition, 412);
    // If-Modified-Since only without If-None-Match, and only for copies with a Last-Modified.
    const ifNoneMatch = req.headers['if-none-match']
    const notModified =
      ifNoneMatch !== undefined
        ? matchesIfNoneMatch(ifNoneMatch, entry.hash)
        : notModifiedSince(req.headers['if-modified-since'], lastModifiedOf(entry))
    if (req.method === 'GET' && notModified) {
      if (cache) cache.responses.figures.notModified++
      res.statusCode = 304
      res.end()
      return
    }
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding)
    const body = entry.bodies[encoding] ?? entry.bodies.identity
    res.setHeader('Content-Length', body.length)
    res.statusCode = entry.status
    res.end(body)
  }

  /**
   * Before the API guard: a REST read already in the cache is answered at once. Safe to do before
   * the guard because an entry exists only for this exact URL, read anonymously, after the guard
   * let it through and Payload answered 200; the guard's verdict depends on nothing else.
   */
  const lookup: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' || req.path === '/graphql') return next()
    const cache = readCache()
    if (!cache || !isAnonymous(req.headers, authCookie) || !cacheableGetPath(req.path, routes))
      return next()
    let generation: number
    try {
      generation = await currentGeneration(cache)
    } catch {
      // The fill below answers without the cache; it need not ask the generation store again.
      res.locals[LOOKED_UP_GENERATION] = null
      return next()
    }
    const cached = cache.responses.get(`GET ${req.originalUrl}`, generation)
    if (cached) {
      cache.responses.figures.hits++
      return sendEntry(req, res, cached)
    }
    res.locals[LOOKED_UP_GENERATION] = generation
    next()
  }

  const fill: RequestHandler = async (req, res, next) => {
    const fillable = fillableRead(req, res, routes)
    if (fillable === 'refused') return
    if (!fillable) return next()
    const { kind, read } = fillable
    const isGraphQLPath = kind === 'graphql'

    const cache = readCache()
    const anonymous = isAnonymous(req.headers, authCookie)
    // Reads not kept are answered by Payload directly too: Next's router adds time to an API read
    // and nothing else (bench/RESULTS.md).
    // Not kept, so the validators reach Payload: an endpoint that answers 304 itself may.
    const answerDirectly = async () =>
      sendOneOff(res, await toOneOff(await produce(req, kind, read, anonymous, true)))
    if (!cache || !anonymous) {
      // Responses for a logged-in reader hold what only they may see: no shared cache may keep them.
      if (!anonymous) res.setHeader('Cache-Control', 'private, no-store')
      return answerDirectly()
    }

    let generation: number
    try {
      const lookedUp = res.locals[LOOKED_UP_GENERATION] as number | null | undefined
      if (lookedUp === null) throw new Error('the generation store did not answer the lookup')
      generation = lookedUp ?? (await currentGeneration(cache))
    } catch {
      // The shared generation cannot be read (Redis away): a copy might be stale, so none is used,
      // and none kept from before the outage.
      cache.responses.figures.bypassed++
      cache.responses.clear()
      return answerDirectly()
    }

    const key = cacheKeyOf(req, isGraphQLPath, read)
    const cached = cache.responses.get(key, generation)
    if (cached) {
      cache.responses.figures.hits++
      return sendEntry(req, res, cached)
    }
    cache.responses.figures.misses++

    // Concurrent misses for the same read share one Payload call.
    const flightKey = `${generation} ${key}`
    let oneOff: OneOff | undefined
    let flight = cache.inFlight.get(flightKey)
    if (!flight) {
      flight = (async () => {
        const response = await produce(req, kind, read, true)
        if (!isCacheable(response)) {
          oneOff = await toOneOff(response)
          return undefined
        }
        const identity = Buffer.from(await response.arrayBuffer())
        if (kind === 'graphql' && hasGraphQLErrors(identity)) {
          oneOff = { status: response.status, headers: keptHeaders(response), body: identity }
          return undefined
        }
        return keepEntry(cache, key, generation, response, identity)
      })().finally(() => cache.inFlight.delete(flightKey))
      cache.inFlight.set(flightKey, flight)
      const entry = await flight
      if (entry) return sendEntry(req, res, entry)
      if (oneOff) return sendOneOff(res, oneOff)
      return answerDirectly()
    }
    const shared = await flight.catch(() => undefined)
    // The read that went first got an answer that is not kept (an error, say): ask again.
    if (shared) return sendEntry(req, res, shared)
    return answerDirectly()
  }

  /**
   * Before express: an anonymous REST read already in the cache is answered from memory with the
   * same headers, without express's routing and middleware (they cost more than the answer). Returns
   * false (or resolves false) when the request must go through express.
   */
  const answerFromMemory = (
    req: IncomingMessage,
    res: ServerResponse,
  ): boolean | Promise<boolean> => {
    const url = req.url ?? ''
    if (req.method !== 'GET' || !stackHeaders || !url.startsWith('/api/')) return false
    const cache = readCache()
    if (!cache || cache.pendingInvalidation) return false
    const path = url.slice('/api'.length).split('?')[0]
    if (
      path === '/graphql' ||
      !isAnonymous(req.headers, authCookie) ||
      !cacheableGetPath(path, routes)
    )
      return false
    const serve = (generation: number) => {
      const entry = cache.responses.get(`GET ${url}`, generation)
      if (!entry || !stackHeaders) return false
      cache.responses.figures.hits++
      for (const [name, value] of stackHeaders) res.setHeader(name, value)
      sendEntry(req, res, entry)
      return true
    }
    let generation: number | Promise<number>
    try {
      generation = cache.generation.current()
    } catch {
      return false
    }
    return typeof generation === 'number' ? serve(generation) : generation.then(serve, () => false)
  }

  return { lookup, fill, answerFromMemory }
}

const toOneOff = async (response: globalThis.Response): Promise<OneOff> => ({
  status: response.status,
  headers: [...response.headers.entries()].filter(
    ([name]) =>
      !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(
        name.toLowerCase(),
      ),
  ),
  body: Buffer.from(await response.arrayBuffer()),
})
