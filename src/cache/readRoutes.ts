import { SLUGS } from '@collections/slugs'
import type { SanitizedConfig } from 'payload'

import { SYNDICATION_READ_PATHS } from '../frontends/readPaths'
import type { ReadRoutes } from './readRequest'

/**
 * The custom endpoints whose anonymous answers are the same for everyone and may be cached (paths
 * under the API route). Others (subscribe, confirm, unsubscribe, setup, exports) have effects or
 * depend on a token, and are never cached.
 */
export const PUBLIC_READ_ENDPOINTS = [
  '/comments/thread',
  '/comments/stats',
  `/${SLUGS.members}/directory`,
  `/${SLUGS.members}/consent-purposes`,
  '/network/stats',
  '/network/growth',
  ...SYNDICATION_READ_PATHS,
  '/search',
  '/openapi.json',
] as const

/** What the read cache needs to know of the live config: slugs and each collection's own GET paths. */
export const readRoutesFromConfig = (
  config: Pick<SanitizedConfig, 'collections' | 'globals'>,
): ReadRoutes => ({
  collections: new Set(config.collections.map((collection) => collection.slug)),
  globals: new Set(config.globals.map((global) => global.slug)),
  publicEndpoints: new Set(PUBLIC_READ_ENDPOINTS),
  collectionEndpoints: new Map(
    config.collections.map((collection) => [
      collection.slug,
      new Set(
        (collection.endpoints || [])
          .filter((endpoint) => endpoint.method === 'get')
          .map((endpoint) => endpoint.path),
      ),
    ]),
  ),
})

/** `Cache-Control` of a cached public read: browsers revalidate (cheap 304s), CDNs may keep it briefly. */
export const publicCacheControl = (
  sharedMaxAgeSeconds: number,
  staleWhileRevalidateSeconds: number,
): string =>
  sharedMaxAgeSeconds > 0
    ? `public, max-age=0, s-maxage=${sharedMaxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`
    : 'public, max-age=0, must-revalidate'
