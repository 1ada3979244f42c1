/**
 * Payload's own REST endpoints, as its config sanitiser adds them (payload 3.90:
 * `collections/endpoints`, `auth/endpoints`, `uploads/endpoints`, `globals/endpoints`). They sit in
 * the same `endpoints` arrays as ours with nothing marking them, so they are told apart by method
 * and path. One that carries an OpenAPI description (a custom endpoint in front of a built-in path,
 * such as the host's `first-register`) is custom.
 */
const key = (method: string, path: string) => `${method.toLowerCase()} ${path}`

const COLLECTION = [
  'get /',
  'post /',
  'patch /',
  'delete /',
  'get /count',
  'get /distinct',
  'get /versions',
  'get /versions/:id',
  'post /versions/:id',
  'post /access',
  'post /access/:id?',
  'post /:id/duplicate',
  'get /:id',
  'patch /:id',
  'delete /:id',
]

const AUTH = [
  'post /forgot-password',
  'get /init',
  'post /login',
  'post /logout',
  'get /me',
  'post /refresh-token',
  'post /first-register',
  'post /reset-password',
  'post /unlock',
  'post /verify/:id',
  'post /:id/api-key/reveal',
]

const UPLOAD = ['get /paste-url/:id?', 'get /file/:filename']

const GLOBAL = [
  'get /',
  'post /',
  'get /versions',
  'get /versions/:id',
  'post /versions/:id',
  'post /access',
]

const ROOT = ['get /access']

/** What Payload adds to an owner's endpoints: every collection, auth and upload ones as well. */
export type EndpointOwner =
  { kind: 'collection'; auth: boolean; upload: boolean } | { kind: 'global' } | { kind: 'root' }

const builtInFor = (owner: EndpointOwner): Set<string> => {
  if (owner.kind === 'root') return new Set(ROOT)
  if (owner.kind === 'global') return new Set(GLOBAL)
  return new Set([...COLLECTION, ...(owner.auth ? AUTH : []), ...(owner.upload ? UPLOAD : [])])
}

/**
 * The endpoints of `endpoints` that are Payload's own. Payload appends its own after the
 * config's, so of two at the same method and path the first is ours, put in front of Payload's.
 */
export const builtInEndpoints = <E extends { method: string; path: string }>(
  owner: EndpointOwner,
  endpoints: E[],
): Set<E> => {
  const builtIn = builtInFor(owner)
  const last = new Map<string, E>()
  for (const endpoint of endpoints) last.set(key(endpoint.method, endpoint.path), endpoint)
  return new Set(
    [...last.entries()].filter(([name]) => builtIn.has(name)).map(([, endpoint]) => endpoint),
  )
}
