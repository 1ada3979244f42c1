/**
 * A real mongod for the MongoDB tests: the server at MONGODB_URL when it is set, otherwise one that
 * mongodb-memory-server starts from its own download of the binary. Where that download cannot
 * happen (no network, as on the project's machines) the tests skip with one line saying why; there
 * is no stand-in server.
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

import { DryMongoBinary, MongoBinary, MongoMemoryServer } from 'mongodb-memory-server'

export type RunningMongo = {
  /** A `mongodb://` URL without a database name. */
  url: string
  /** Stops the server when this helper started it; a MONGODB_URL server is left running. */
  stop: () => Promise<void>
}

export type MongoForTests =
  { available: true; start: () => Promise<RunningMongo> } | { available: false; skipLine: string }

/** How long the download server may take to answer before we call the download impossible. */
const DOWNLOAD_SERVER_TIMEOUT_MS = 3_000

/** The proxy settings mongodb-memory-server reads, in its order. */
const PROXY_VARIABLES = [
  'yarn_https-proxy',
  'yarn_proxy',
  'npm_config_https-proxy',
  'npm_config_proxy',
  'https_proxy',
  'http_proxy',
  'HTTPS_PROXY',
  'HTTP_PROXY',
]

/**
 * Whether the package's download server answers at all (any HTTP status will do), or why not.
 * The package retries a failed download with back-off (≈ 7 s offline) and waits 60 s on a silent
 * connection, so this bounded request decides first. Behind a proxy the package is left to decide:
 * it tunnels through the proxy, which a plain request here would not.
 */
const downloadServerUnreachable = (timeoutMs: number): Promise<string | undefined> => {
  const env = process.env
  if (PROXY_VARIABLES.some((name) => env[name])) return Promise.resolve(undefined)
  const server = new URL(
    env.MONGOMS_DOWNLOAD_URL || env.MONGOMS_DOWNLOAD_MIRROR || 'https://fastdl.mongodb.org',
  )
  const request = server.protocol === 'http:' ? httpRequest : httpsRequest
  return new Promise((resolve) => {
    const head = request(
      server,
      { method: 'HEAD', agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        response.resume()
        head.destroy()
        resolve(undefined)
      },
    )
    head.once('error', (error) =>
      resolve(
        error.name === 'AbortError'
          ? `${server.host} did not answer within ${timeoutMs / 1000} s`
          : error.message,
      ),
    )
    head.end()
  })
}

const skipLine = (reason: string): string =>
  `Skipping MongoDB tests: MONGODB_URL is not set and mongodb-memory-server cannot download mongod here (${reason}); set MONGODB_URL to run them.`

/**
 * Decides, before the suite is declared, whether MongoDB tests can run here, and fetches the mongod
 * binary when they can (a download on the first run, the package's cache after that). Reads
 * process.env, as mongodb-memory-server does (`MONGOMS_*` settings).
 */
export const findMongoForTests = async ({
  downloadServerTimeoutMs = DOWNLOAD_SERVER_TIMEOUT_MS,
} = {}): Promise<MongoForTests> => {
  const { MONGODB_URL } = process.env
  if (MONGODB_URL)
    return { available: true, start: async () => ({ url: MONGODB_URL, stop: async () => {} }) }

  const cachedBinary = await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions())
  if (!cachedBinary) {
    const unreachable = await downloadServerUnreachable(downloadServerTimeoutMs)
    if (unreachable) return { available: false, skipLine: skipLine(unreachable) }
    try {
      await MongoBinary.getPath()
    } catch (error) {
      // Reachable but refused (no build for this platform, a proxy saying no): still no mongod to run.
      const message = error instanceof Error ? error.message : String(error)
      return { available: false, skipLine: skipLine(message.replace(/\s*\n\s*/g, ' ')) }
    }
  }
  return {
    available: true,
    start: async () => {
      const server = await MongoMemoryServer.create()
      return {
        url: server.getUri(),
        stop: async () => {
          await server.stop()
        },
      }
    },
  }
}
