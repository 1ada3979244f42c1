import { type DocumentNode, Kind, parse } from 'graphql'

/**
 * Which requests the read cache may answer, as pure rules: the express middleware and the tests
 * share them.
 */

/** Payload's auth cookie for the default `cookiePrefix`. */
export const DEFAULT_AUTH_COOKIE = 'payload-token'

/** The cookie names in a `Cookie` header, trimmed as Payload's own parser trims them. */
const cookieNames = (cookie: string): string[] =>
  cookie.split(';').map((pair) => pair.split('=')[0].trim())

/**
 * True when the request carries no credentials: no `Authorization` and no Payload auth cookie
 * (`<cookiePrefix>-token`, matched the way Payload reads it, so `payload-token =…` counts too).
 * Other cookies (analytics, other apps' `*-token`s) do not make a reader logged in.
 */
export const isAnonymous = (
  headers: { authorization?: string; cookie?: string },
  authCookie = DEFAULT_AUTH_COOKIE,
): boolean =>
  !headers.authorization && !(headers.cookie && cookieNames(headers.cookie).includes(authCookie))

/** Auth-collection and Payload paths that describe the caller or have effects, never cached. */
const NEVER_CACHED_SEGMENTS = new Set([
  'me',
  'init',
  'access',
  'logout',
  'refresh-token',
  'verify',
  'unlock',
  'versions',
  'file',
])

export type ReadRoutes = {
  /** Collection slugs whose list and by-id reads are public reads. */
  collections: ReadonlySet<string>
  globals: ReadonlySet<string>
  /** Custom GET endpoints that answer the public (full paths under the API route, e.g. `/comments/thread`). */
  publicEndpoints: ReadonlySet<string>
  /** Custom GET endpoint paths per collection; `/<slug>/<segment>` matching one of these is not a by-id read. */
  collectionEndpoints: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * The kind of read a `GET` path under the API route is, or null when it must not be cached.
 * `path` has the API route removed (`/blogs`, `/blogs/12`, `/globals/policy`, `/comments/thread`).
 */
export const cacheableGetPath = (
  path: string,
  routes: ReadRoutes,
): 'list' | 'document' | 'global' | 'endpoint' | 'graphql' | null => {
  if (routes.publicEndpoints.has(path)) return 'endpoint'
  if (path === '/graphql') return 'graphql'
  const segments = path.split('/').slice(1)
  if (segments.some((segment) => segment === '' || NEVER_CACHED_SEGMENTS.has(segment))) return null
  if (segments[0] === 'globals')
    return segments.length === 2 && routes.globals.has(segments[1]) ? 'global' : null
  if (!routes.collections.has(segments[0])) return null
  if (segments.length === 1) return 'list'
  if (segments.length === 2 && !routes.collectionEndpoints.get(segments[0])?.has(`/${segments[1]}`))
    return 'document'
  return null
}

const isQueryDocument = (document: DocumentNode, operationName: unknown): boolean => {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  )
  const chosen =
    typeof operationName === 'string' && operationName !== ''
      ? operations.filter((operation) => operation.name?.value === operationName)
      : operations
  return chosen.length === 1 && chosen[0].operation === 'query'
}

/**
 * True when a GraphQL request body (or GET parameters) is a single query operation, which may be
 * cached; mutations, subscriptions, ambiguous documents and unparsable text are not.
 */
export const isGraphQLQuery = (query: unknown, operationName?: unknown): boolean => {
  if (typeof query !== 'string' || query.length === 0) return false
  try {
    return isQueryDocument(parse(query, { noLocation: true }), operationName)
  } catch {
    return false
  }
}

export type ContentEncoding = 'br' | 'gzip' | 'identity'

const ALL_ENCODINGS: readonly ContentEncoding[] = ['br', 'gzip', 'identity']

/**
 * The encoding to send for an `Accept-Encoding` header, among those `available`: brotli, then
 * gzip, then none (an encoding with q=0 is never chosen; identity is always acceptable here).
 */
export const chooseEncoding = (
  acceptEncoding: string | undefined,
  available: readonly ContentEncoding[] = ALL_ENCODINGS,
): ContentEncoding => {
  if (!acceptEncoding) return 'identity'
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1)
  }
  const weight = (name: string) =>
    accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') as number) : 0)
  if (available.includes('br') && weight('br') > 0) return 'br'
  if (available.includes('gzip') && weight('gzip') > 0) return 'gzip'
  return 'identity'
}

/** The strong ETag of one encoding of a body whose content hash is `hash`. */
export const etagFor = (hash: string, encoding: ContentEncoding): string =>
  encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding === 'br' ? 'br' : 'gz'}"`

/**
 * True when `If-None-Match` names any encoding of the same content (a client that got the gzip
 * copy and now accepts brotli still has the same document), or is `*`.
 */
export const matchesIfNoneMatch = (ifNoneMatch: string | undefined, hash: string): boolean => {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '')
    return tag === '*' || tag === `"${hash}"` || tag === `"${hash}-br"` || tag === `"${hash}-gz"`
  })
}

/**
 * True when `If-Modified-Since` is a date at or after `lastModified` (whole seconds, as HTTP dates
 * carry them). Only consulted without `If-None-Match` (RFC 9110 §13.1.3); an unparsable date never
 * matches.
 */
export const notModifiedSince = (
  ifModifiedSince: string | null | undefined,
  lastModified: Date | string | null | undefined,
): boolean => {
  if (!ifModifiedSince || !lastModified) return false
  const since = Date.parse(ifModifiedSince)
  const modified = new Date(lastModified).getTime()
  if (Number.isNaN(since) || Number.isNaN(modified)) return false
  return Math.floor(modified / 1000) <= Math.floor(since / 1000)
}
