import type { SanitizedConfig } from 'payload'

/** Custom endpoints (relative to /api) that take files: the network import's CSV uploads. */
const FILE_ENDPOINTS = ['/network/import']

/**
 * The routes that take multipart files: create (`POST /<slug>`) and update (`PATCH /<slug>/<id>`)
 * of an upload collection, and the endpoints above. Everything else gets the JSON body limit.
 */
export const uploadRoutes = (config: SanitizedConfig) => {
  const uploadSlugs = new Set<string>(
    config.collections
      .filter((collection) => Boolean(collection.upload))
      .map((collection) => collection.slug),
  )
  return (method: string, path: string): boolean => {
    if (method === 'POST' && FILE_ENDPOINTS.includes(path)) return true
    const [, slug, id, ...rest] = path.split('/')
    if (!uploadSlugs.has(slug ?? '') || rest.length > 0) return false
    return (
      (method === 'POST' && id === undefined) ||
      (method === 'PATCH' && id !== undefined && id !== '')
    )
  }
}
