import type { IncomingMessage, ServerResponse } from 'node:http'

import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express'
import helmet from 'helmet'

import { CLIENT_ADDRESS_HEADER } from '../config/headers'
import { settings } from '../config/settings'
import {
  DOCS_CONTENT_SECURITY_POLICY,
  isDocsPath,
} from '../frontends/openapi/contentSecurityPolicy'
import { errorBody, messageBody } from '../http/errorResponses'
import { apiGuard, type ApiGuardOptions } from './apiGuard'
import { mountRateLimits } from './rateLimits'
import { BUFFERED_REQUEST, readBody } from './readBody'
import { type ReadCacheHandlers, readCacheMiddleware, type ReadCacheOptions } from './readCache'
import { uploadRoutes } from './uploadRoutes'

export type AppDependencies = {
  /** Next's request handler: the admin UI, REST and GraphQL. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
  /** Resolves when the database answers; rejects otherwise. */
  checkDatabase: () => Promise<void>
  /** True once SIGTERM has been received: readiness fails so load balancers stop sending traffic. */
  isShuttingDown: () => boolean
  /** The live Payload config, to refuse malformed API requests before Payload fails on them. */
  api: ApiGuardOptions
  /** Public reads answered from memory (src/server/readCache.ts); without it every read goes to Next. */
  readCache?: ReadCacheOptions
}

const jsonError = (res: Response, status: number, message: string, field?: string) =>
  res.status(status).json(field ? errorBody(field, message) : messageBody(message))

const withTimeout = (promise: Promise<void>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms),
    ),
  ])

/**
 * Strict policy for API responses; the admin UI needs Next's inline scripts, so it is not covered.
 * No script runs anywhere under /api; inline styles and https images are allowed because the few
 * HTML pages there (confirm, unsubscribe, the staff email preview) are styled like emails. The
 * API reference page (`/api/docs`) runs Swagger UI's script from this origin and has its own.
 */
const apiContentSecurityPolicy: RequestHandler = (req, res, next) => {
  res.setHeader(
    'Content-Security-Policy',
    isDocsPath(req.path)
      ? DOCS_CONTENT_SECURITY_POLICY
      : "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'",
  )
  next()
}

/** Security headers, the drain signal and the client's address, for every request. */
const mountRequestBasics = (app: Express, isShuttingDown: () => boolean) => {
  app.use(
    helmet({
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      // Frontends on other origins load media (images, PDFs) from the API.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  )

  app.use((req, res, next) => {
    // Ask clients to reconnect elsewhere while we drain.
    if (isShuttingDown()) res.setHeader('Connection', 'close')
    // The client's address as express resolves it (honouring TRUST_PROXY), for Payload-side flood
    // control. Whatever a client sent under this name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? ''
    next()
  })
}

/** Liveness (`/healthz`) and readiness (`/readyz`: the database answers and we are not draining). */
const mountHealthChecks = (
  app: Express,
  checkDatabase: () => Promise<void>,
  isShuttingDown: () => boolean,
) => {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })

  app.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    try {
      await withTimeout(checkDatabase(), 3000)
      res.json({ status: 'ready', database: 'ok' })
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: (error as Error).message })
    }
  })
}

/** The API's own middleware: its CSP, the read cache's lookup, the request guard and body limits. */
const mountApiMiddleware = (
  app: Express,
  api: ApiGuardOptions,
  cache: ReadCacheHandlers | undefined,
) => {
  app.use(
    '/api',
    apiContentSecurityPolicy,
    ...(cache ? [cache.lookup] : []),
    apiGuard(api),
    readBody({
      jsonMaxBytes: settings.jsonBodyMaxBytes,
      uploadMaxBytes: settings.uploadMaxBytes,
      acceptsUpload: uploadRoutes(api.config),
      graphQLMaxBytes: settings.graphQLBodyMaxBytes,
    }),
  )
  if (cache) app.use('/api', cache.fill)
}

/** Everything else goes to Next/Payload; errors nobody answered become a JSON 500. */
const mountNextAndErrors = (app: Express, handle: AppDependencies['handle']) => {
  // Everything else (admin, REST, GraphQL, media) is the Next/Payload app. No body parser is
  // mounted: Payload reads the request stream itself (replayed from memory when read above).
  app.use((req, res) =>
    handle((res.locals[BUFFERED_REQUEST] as IncomingMessage | undefined) ?? req, res),
  )

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    console.error(error)
    if (!res.headersSent) jsonError(res, 500, 'Something went wrong.')
  })
}

/**
 * Public reads already in the cache are answered before express (its routing and middleware cost
 * more than the answer); everything else is the express app.
 */
const answerFromMemoryFirst = (
  app: Express,
  cache: ReadCacheHandlers,
  isShuttingDown: () => boolean,
) => {
  const answerFromMemory = cache.answerFromMemory
  return (req: IncomingMessage, res: ServerResponse) => {
    const answered = isShuttingDown() ? false : answerFromMemory(req, res)
    if (answered === true) return
    if (answered === false) return void app(req, res)
    answered.then(
      (done) => done || app(req, res),
      () => app(req, res),
    )
  }
}

export const createApp = ({
  handle,
  checkDatabase,
  isShuttingDown,
  api,
  readCache,
}: AppDependencies) => {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', settings.trustProxy)

  mountRequestBasics(app, isShuttingDown)
  mountHealthChecks(app, checkDatabase, isShuttingDown)
  mountRateLimits(app)
  const cache = readCache ? readCacheMiddleware(readCache) : undefined
  mountApiMiddleware(app, api, cache)
  mountNextAndErrors(app, handle)

  return cache ? answerFromMemoryFirst(app, cache, isShuttingDown) : app
}
