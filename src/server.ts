/**
 * The express host: `npm start` runs this (bundled to dist/server.mjs) in production.
 * Start-up order: Payload (migrations on a production database) → first admin (ADMIN_EMAIL /
 * ADMIN_PASSWORD, or a one-time setup link) → demo seed on an empty database → Next → listen.
 * SIGTERM drains in-flight requests, then closes the database.
 */
import { createServer, type Server } from 'node:http'

import { SLUGS } from '@collections/slugs'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import next from 'next'
import { getPayload, handleEndpoints } from 'payload'

import { publicCacheControl, readRoutesFromConfig } from './cache/readRoutes'
import { settings } from './config/settings'
import { closeDatabase } from './db/closeDatabase'
import config from './payload.config'
import { closeRedis } from './redis/client'
import { seed } from './seed'
import { prepareFirstAdmin } from './seed/firstAdmin'
import { printFirstAdminHelp, printLoginHelp } from './seed/printLoginHelp'
import { createApp } from './server/createApp'

const log = (line: string) => console.log(`[q-cms] ${line}`)

const startedAt = Date.now()

// A setting that would let clients choose their own address stops the start, before anything runs.
try {
  void settings.trustProxy
} catch (error) {
  log((error as Error).message)
  process.exit(1)
}

const payload = await getPayload({ config, cron: true })

const { totalDocs: staff } = await payload.count({ collection: SLUGS.users, overrideAccess: true })
// Whatever SEED says: the configured admin, or a one-time setup link, never an open first-register.
const firstAdmin = await prepareFirstAdmin(payload, { seedOnStart: settings.seedOnStart })
if (settings.seedOnStart && staff === 0) {
  log('empty database: loading demo content (set SEED=false to skip)')
  printLoginHelp(await seed(payload, log), log)
} else {
  printFirstAdminHelp(firstAdmin, log)
}

const nextApp = next({
  dev: false,
  dir: process.cwd(),
  hostname: settings.host,
  port: settings.port,
})
await nextApp.prepare()
const handle = nextApp.getRequestHandler()

// Cache misses are answered by Payload directly, as Next's /api route handlers do, without a
// round through Next's router for a response that is then kept.
const graphQL = GRAPHQL_POST(payload.config)
const corsSetting = payload.config.cors

let shuttingDown = false
const app = createApp({
  handle: (req, res) => handle(req, res),
  checkDatabase: async () => {
    await payload.count({ collection: SLUGS.users, overrideAccess: true })
  },
  isShuttingDown: () => shuttingDown,
  api: {
    config: payload.config,
    idType: payload.db.defaultIDType,
    userCollection: async (headers) => {
      try {
        return (await payload.auth({ headers })).user?.collection
      } catch {
        return undefined
      }
    },
  },
  readCache: {
    routes: readRoutesFromConfig(payload.config),
    respond: (request, kind) =>
      kind === 'graphql' ? graphQL(request) : handleEndpoints({ config: payload.config, request }),
    corsOrigins:
      corsSetting === '*' ? '*' : Array.isArray(corsSetting) ? corsSetting : corsSetting.origins,
    cacheControl: publicCacheControl(
      settings.readCacheSharedMaxAgeSeconds,
      settings.readCacheStaleWhileRevalidateSeconds,
    ),
    serverURL: settings.serverURL,
    authCookie: `${payload.config.cookiePrefix}-token`,
  },
})

const server: Server = createServer(app).listen(settings.port, settings.host, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : settings.port
  log(
    `ready on http://${settings.host}:${port} in ${Date.now() - startedAt} ms (admin: ${settings.serverURL}/admin)`,
  )
})
server.keepAliveTimeout = settings.keepAliveTimeoutMs
// A connection's next request headers must be allowed to arrive for as long as it may stay idle.
server.headersTimeout = settings.keepAliveTimeoutMs + 1000

const shutdown = (signal: string) => {
  if (shuttingDown) return
  shuttingDown = true
  log(`${signal}: finishing in-flight requests`)
  const force = setTimeout(() => {
    log(`in-flight requests still open after ${settings.shutdownTimeoutMs} ms; exiting`)
    process.exit(1)
  }, settings.shutdownTimeoutMs)
  force.unref()
  const closeConnections = async () => {
    await closeDatabase(payload)
    await closeRedis()
    log('database closed; bye')
    process.exit(0)
  }
  server.close(() => void closeConnections())
  // A response still in flight when the signal came leaves its connection idle, and open for the
  // whole keep-alive timeout: close each as soon as it is idle.
  server.closeIdleConnections()
  setInterval(() => server.closeIdleConnections(), 100).unref()
}

process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
