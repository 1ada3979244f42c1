import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../scripts/postgresCluster.mjs'
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

export const ADMIN_EMAIL = 'admin@test.example.org'
export const ADMIN_PASSWORD = 'admin-password-for-tests'

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', '..')

/** Reuse the data of an earlier server (a restart): same database, same media, no new seed. */
export type StartOptions = { reuse?: Pick<RunningServer, 'databaseURL' | 'mediaDir'> }

/**
 * Starts the real express host (`dist/server.mjs`, production mode, so migrations run) on a fresh
 * database and a free loopback port, and waits until it is listening. With `reuse` it starts on an
 * earlier server's database and media folder instead, with `SEED=false` (env may still override).
 */
export const startServer = async (label: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const databaseURL = env.DATABASE_URL ?? options.reuse?.databaseURL ?? (await createTestDatabaseURL(label))
  const mediaDir = env.MEDIA_DIR ?? options.reuse?.mediaDir ?? mkdtempSync(path.join(os.tmpdir(), `q-cms-media-${label}-`))
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
      PAYLOAD_SECRET: 'test-secret-not-for-production',
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
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  const deadline = Date.now() + 60_000
  while (!output.includes('ready on')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start within 60 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
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
  const request = async (method: string, pathname: string, options: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) => {
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
    const response = await request('POST', `/api/${collection}/login`, { json: { email, password } })
    if (response.status !== 200) throw new Error(`login failed (${response.status}): ${response.text}`)
    return response.body.token as string
  }
  const graphql = (query: string, token?: string, variables?: Record<string, unknown>) =>
    request('POST', '/api/graphql', { token, json: { query, variables } })
  return { request, login, graphql }
}
