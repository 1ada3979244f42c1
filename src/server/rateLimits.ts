import { SLUGS } from '@collections/slugs'
import type { Express, Response } from 'express'
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit'
import type { Redis } from 'ioredis'
import { RedisStore } from 'rate-limit-redis'

import { settings } from '../config/settings'
import { messageBody } from '../http/errorResponses'
import { getRedis } from '../redis/client'

type LimitSpec = {
  /** Names the limit's keys in Redis, so limits with different windows never share a count. */
  name: string
  windowMs: number
  limit: number
  message: string
}

const tooMany = (res: Response, message: string) => res.status(429).json(messageBody(message))

/**
 * One per-address limit: in this process's memory, or with Redis (REDIS_URL) in Redis, so that
 * every instance counts the same attempts.
 */
export const addressRateLimit = (
  { name, windowMs, limit, message }: LimitSpec,
  redis: Redis | undefined = getRedis(),
): RateLimitRequestHandler =>
  rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => tooMany(res, message),
    ...(redis
      ? {
          store: new RedisStore({
            prefix: `q-cms:rate-limit:${name}:`,
            sendCommand: (command: string, ...args: string[]) =>
              redis.call(command, ...args) as Promise<number | string>,
          }),
        }
      : {}),
  })

/** Which requests a limit covers (express paths; POST unless `method` says GET) and how it counts them. */
export type RateLimitRow = LimitSpec & { paths: string | string[]; method?: 'get' | 'post' }

/** Login and password-reset endpoints of both auth collections. */
export const LOGIN_PATHS = [
  `/api/${SLUGS.users}/login`,
  `/api/${SLUGS.members}/login`,
  `/api/${SLUGS.users}/forgot-password`,
  `/api/${SLUGS.members}/forgot-password`,
]

/**
 * The host's per-address limits on login and password reset, comments, subscribe requests, search,
 * and feeds, calendars and sitemaps built afresh.
 */
export const rateLimitTable = (): RateLimitRow[] => [
  {
    name: 'login',
    paths: LOGIN_PATHS,
    windowMs: settings.loginRateWindowMs,
    limit: settings.loginRateLimit,
    message: 'Too many login attempts from this address. Try again later.',
  },
  {
    name: 'comment',
    paths: '/api/comments',
    windowMs: 60_000,
    limit: settings.commentRateLimit,
    message: 'Too many comments from this address. Please wait a minute.',
  },
  // The plugin also sends at most one confirmation per address per minute.
  {
    name: 'subscribe',
    paths: '/api/subscribers/subscribe',
    windowMs: 60 * 60_000,
    limit: settings.subscribeRateLimit,
    message: 'Too many subscription requests from this address. Try again later.',
  },
  // Every uncached search ranks all its matches; answers from the read cache never get here.
  {
    name: 'search',
    method: 'get',
    paths: '/api/search',
    windowMs: 60_000,
    limit: settings.searchRateLimit,
    message: 'Too many searches from this address. Please wait a minute.',
  },
  {
    name: 'syndication',
    method: 'get',
    paths: [
      '/api/feeds/:file',
      '/api/events.ics',
      `/api/${SLUGS.events}/:id.ics`,
      '/api/sitemap.xml',
      '/api/sitemaps/:file',
    ],
    windowMs: 60_000,
    limit: settings.syndicationRateLimit,
    message: 'Too many feed, calendar or sitemap requests from this address. Please wait a minute.',
  },
  // Each export reads all of a member's history; each erasure request sends an email.
  {
    name: 'member-export',
    method: 'get',
    paths: [`/api/${SLUGS.members}/me/export`, `/api/${SLUGS.members}/:id/export`],
    windowMs: 60 * 60_000,
    limit: settings.memberExportRateLimit,
    message: 'Too many data exports from this address. Try again later.',
  },
  {
    name: 'member-erase',
    paths: [
      `/api/${SLUGS.members}/me/erase`,
      `/api/${SLUGS.members}/:id/erase`,
      `/api/${SLUGS.members}/erase/confirm`,
    ],
    windowMs: 60 * 60_000,
    limit: settings.memberEraseRateLimit,
    message: 'Too many erasure requests from this address. Try again later.',
  },
  // Each request builds a ZIP of the whole network in the background.
  {
    name: 'network-export',
    method: 'post',
    // The admin's create form posts to the collection itself.
    paths: ['/api/network/exports', `/api/${SLUGS.networkExports}`],
    windowMs: 60 * 60_000,
    limit: 20,
    message: 'Too many network exports requested from this address. Try again later.',
  },
]

/** Mounts one per-address limit for each row of the table on requests to its paths. */
export const mountRateLimits = (app: Express, table: RateLimitRow[] = rateLimitTable()) => {
  for (const { paths, method = 'post', ...spec } of table)
    app[method](paths, addressRateLimit(spec))
}
