import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { matchesIfNoneMatch } from '../cache/readRequest'
import { publicCacheControl } from '../cache/readRoutes'
import { settings } from '../config/settings'
import { badRequest } from '../http/errorResponses'

/** A generated document (a feed, a sitemap, a calendar) and what its validators are made of. */
export type Representation = {
  body: string
  contentType: string
  /** The newest item the document shows: its `Last-Modified` (informative; see below). */
  lastModified?: Date
  /** `Content-Disposition: inline; filename=…` (calendars: a file a calendar app imports). */
  filename?: string
}

/**
 * The response for a generated document, with a strong `ETag` (a hash of the bytes),
 * `Last-Modified`, and a bodiless 304 when the reader's copy is current. The answer for anyone
 * with a login is `private, no-store`: it may hold what only they see (an event's online link).
 *
 * With the read cache on, anonymous copies are kept and revalidated by the cache itself (its own
 * ETag, and this Last-Modified); this is what readers get with the cache off, and what those with
 * a login always get.
 */
export const representationResponse = (
  req: Pick<PayloadRequest, 'headers' | 'user'>,
  representation: Representation,
): Response => {
  const hash = createHash('sha256').update(representation.body).digest('base64url')
  const headers = new Headers({
    ETag: `"${hash}"`,
    'Cache-Control': req.user
      ? 'private, no-store'
      : publicCacheControl(
          settings.readCacheSharedMaxAgeSeconds,
          settings.readCacheStaleWhileRevalidateSeconds,
        ),
    Vary: 'Authorization, Cookie',
  })
  if (representation.lastModified)
    headers.set('Last-Modified', representation.lastModified.toUTCString())
  // Revalidated by ETag only: `lastModified` is the newest item shown, and a removed item (an
  // unpublished post, an ended event, a withdrawn byline) changes the body without a newer one, so
  // an If-Modified-Since answered from it would keep removed content alive. The read cache, which
  // keeps anonymous copies, answers If-Modified-Since from the time each copy was made.
  if (matchesIfNoneMatch(req.headers.get('if-none-match') ?? undefined, hash))
    return new Response(null, { status: 304, headers })
  headers.set('Content-Type', representation.contentType)
  if (representation.filename)
    headers.set('Content-Disposition', `inline; filename="${representation.filename}"`)
  return new Response(representation.body, { status: 200, headers })
}

/** The newest of some dates (ISO strings or Dates), or undefined when there are none. */
export const newestDate = (dates: Iterable<Date | string | null | undefined>): Date | undefined => {
  let newest: number | undefined
  for (const date of dates) {
    const time = date ? new Date(date).getTime() : Number.NaN
    if (!Number.isNaN(time) && (newest === undefined || time > newest)) newest = time
  }
  return newest === undefined ? undefined : new Date(newest)
}

/** `tag:` URIs (RFC 4151) and calendar UIDs are minted on the CMS's own host name. */
export const serverHost = (): string => new URL(settings.serverURL).hostname

/**
 * A 400 naming the first query parameter a generated document does not take. Each variant of a
 * URL is a new read-cache key and a fresh build, so `?x=<random>` must not be a way around the cache.
 */
export const unexpectedParameter = (
  req: Pick<PayloadRequest, 'searchParams'>,
  allowed: readonly string[] = [],
): Response | undefined => {
  for (const name of req.searchParams.keys())
    if (!allowed.includes(name))
      return badRequest(
        name.slice(0, 64),
        allowed.length
          ? `Unknown parameter "${name.slice(0, 64)}": this takes only ${allowed.join(', ')}.`
          : `Unknown parameter "${name.slice(0, 64)}": this takes no parameters.`,
      )
  return undefined
}
