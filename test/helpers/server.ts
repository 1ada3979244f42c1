import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../scripts/postgresCluster.mjs'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  copySeededTemplate,
  seededTemplate,
  TEST_PAYLOAD_SECRET,
} from './seededTemplate.mjs'
import { createTestDatabaseURL } from './testDatabase'

export type RunningServer = {
  url: string
  child: ChildProcess
  /** The database and media folder this server uses: pass them to `startServer` to restart on the same data. */
  databaseURL: string
  mediaDir: string
  /** Everything the server printed so far. */
  output: () => string
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>
  exited: Promise<number | null>
}

export { ADMIN_EMAIL, ADMIN_PASSWORD }

const root = path.resolve(
  import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
)

/** Reuse the data of an earlier server (a restart): same database, same media, no new seed. */
export type StartOptions = { reuse?: Pick<RunningServer, 'databaseURL' | 'mediaDir'> }

/**
 * A seeded start that the run's seeded template (test/helpers/seededTemplate.mjs) can stand in for:
 * a new database and media folder, SEED on, the usual admin. Its own copy of the template is then
 * the same data the seed would write, without seeding again.
 */
const templateCopyFor = (label: string, env: Record<string, string>, options: StartOptions) => {
  const template = seededTemplate()
  const seeded = (env.SEED ?? 'true') !== 'false'
  const usualAdmin =
    (env.ADMIN_EMAIL ?? ADMIN_EMAIL) === ADMIN_EMAIL &&
    (env.ADMIN_PASSWORD ?? ADMIN_PASSWORD) === ADMIN_PASSWORD
  if (!template || options.reuse || env.DATABASE_URL || env.MEDIA_DIR || !seeded || !usualAdmin)
    return undefined
  return copySeededTemplate(label, template)
}

/**
 * Starts the real express host (`dist/server.mjs`, production mode, so migrations run) on a fresh
 * database and a free loopback port, and waits until it is listening. A fresh seeded database is a
 * copy of the run's seeded template when there is one. With `reuse` it starts on an earlier
 * server's database and media folder instead, with `SEED=false` (env may still override).
 */
export const startServer = async (
  label: string,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const copy = await templateCopyFor(label, env, options)
  const databaseURL =
    env.DATABASE_URL ??
    options.reuse?.databaseURL ??
    copy?.databaseURL ??
    (await createTestDatabaseURL(label))
  const mediaDir =
    env.MEDIA_DIR ??
    options.reuse?.mediaDir ??
    copy?.mediaDir ??
    mkdtempSync(path.join(os.tmpdir(), `q-cms-media-${label}-`))
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_URL: url,
      DATABASE_URL: databaseURL,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: TEST_PAYLOAD_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      SEED: options.reuse ? 'false' : 'true',
      // The host works the jobs queue (scheduled publishing) as it does in production.
      JOBS_AUTORUN: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let onOutput = () => undefined as void
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    onOutput()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    onOutput()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  // Ready when the host says so (not at the next tick of a poll).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within 60 s:\n${output}`))
    }, 60_000)
    const settle = (error?: Error) => {
      clearTimeout(timer)
      onOutput = () => undefined
      if (error) reject(error)
      else resolve()
    }
    onOutput = () => {
      if (output.includes('ready on')) settle()
    }
    onOutput()
    void exited.then((code) => settle(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url,
    child,
    databaseURL,
    mediaDir,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

export type ApiError = {
  message: string
  field?: string
  name?: string
  data?: { errors?: { path: string; message: string }[] }
  extensions?: Record<string, unknown>
}
export type ApiDoc = { id: number; [key: string]: unknown }
/** The parts of Payload's REST and GraphQL responses the tests read. */
export type ApiBody = {
  docs?: ApiDoc[]
  doc?: ApiDoc
  user?: ApiDoc
  errors?: ApiError[]
  token?: string
  totalDocs?: number
  message?: string
  status?: string
  data?: Record<string, { docs?: ApiDoc[] } | ApiDoc | null>
  [key: string]: unknown
}

/** The field paths a Payload ValidationError (or our own 4xx) names. */
export const errorPaths = (body: ApiBody): string[] =>
  (body.errors ?? []).flatMap((error) => [
    ...(error.field ? [error.field] : []),
    ...(error.data?.errors ?? []).map((fieldError) => fieldError.path),
  ])

/** Small REST client: JSON in, `{ status, headers, body }` out. */
export const api = (baseURL: string) => {
  const request = async (
    method: string,
    pathname: string,
    options: {
      token?: string
      json?: unknown
      body?: BodyInit
      headers?: Record<string, string>
    } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.Authorization = `JWT ${options.token}`
    let body = options.body
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    const response = await fetch(`${baseURL}${pathname}`, { method, headers, body })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON (HTML, files): keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as ApiBody, text }
  }
  const login = async (collection: 'users' | 'members', email: string, password: string) => {
    const response = await request('POST', `/api/${collection}/login`, {
      json: { email, password },
    })
    if (response.status !== 200)
      throw new Error(`login failed (${response.status}): ${response.text}`)
    return response.body.token as string
  }
  const graphql = (query: string, token?: string, variables?: Record<string, unknown>) =>
    request('POST', '/api/graphql', { token, json: { query, variables } })
  return { request, login, graphql }
}
