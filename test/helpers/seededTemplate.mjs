/**
 * One seeded database per test run. Most HTTP test files start the host on a freshly seeded
 * database; the seed (members, connections, content, images in three sizes, a PDF, comments,
 * subscribers) costs the same every time, so the global setup runs it once, through the real host
 * (`dist/server.mjs`, production mode: migrations, first admin, seed), and each such file gets its
 * own copy of the result: a copied SQLite file and media folder, or, on PostgreSQL, a database
 * created from the seeded one as its template. Files that test the start-up itself (SEED=false,
 * other admin settings, a given DATABASE_URL, a restart) still start as before.
 *
 * TEST_SEED_TEMPLATE=off turns this off (every file seeds its own database, as before).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

import { freePort } from '../../scripts/postgresCluster.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The env variable that hands the template (JSON `{ databaseURL, mediaDir }`) to the test workers. */
export const TEMPLATE_ENV = 'TEST_SEEDED_TEMPLATE'

/** The admin every test server is started with (test/helpers/server.ts re-exports these). */
export const ADMIN_EMAIL = 'admin@test.example.org'
export const ADMIN_PASSWORD = 'admin-password-for-tests'
export const TEST_PAYLOAD_SECRET = 'test-secret-not-for-production'

const postgresBase = () => {
  const base = process.env.TEST_DATABASE_URL
  return base && !base.startsWith('file:') ? base : undefined
}

/** @param {string} base @param {(client: pg.Client) => Promise<void>} work */
const withClient = async (base, work) => {
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  try {
    await work(client)
  } finally {
    await client.end()
  }
}

/** @param {string} base @param {string} name */
const databaseURLIn = (base, name) => {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * Seeds the template: starts the host on an empty database with SEED=true, waits until it is
 * listening (seed done), stops it with SIGTERM (database closed, SQLite's WAL checkpointed) and
 * publishes where it is in TEMPLATE_ENV. Throws, with the server's output, if the start fails or
 * logs an ERROR.
 */
export const prepareSeededTemplate = async () => {
  if (process.env.TEST_SEED_TEMPLATE === 'off') return
  const base = postgresBase()
  let databaseURL
  if (base) {
    const name = `q_seed_template_${process.pid}_${Date.now()}`
    await withClient(base, (client) =>
      client.query(`CREATE DATABASE ${name}`).then(() => undefined),
    )
    databaseURL = databaseURLIn(base, name)
  } else {
    databaseURL = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'q-cms-seed-template-')), 'test.db')}`
  }
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-media-seed-template-'))
  const port = await freePort()
  // As in every test file (test/helpers/testEnv.js): no real mail server.
  const { SMTP_HOST: _smtpHost, ...inherited } = process.env
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.mjs')], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseURL,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: TEST_PAYLOAD_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      SEED: 'true',
      // Nothing runs from the queue while the template is made: the copies' servers work it.
      JOBS_AUTORUN: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`seeding the test template took over 120 s:\n${output}`))
    }, 120_000)
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString()
      if (output.includes('ready on')) {
        clearTimeout(timer)
        resolve(undefined)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`seeding the test template: server exited with ${code}:\n${output}`))
    })
  })
  child.kill('SIGTERM')
  const code = await exited
  if (code !== 0)
    throw new Error(`seeding the test template: server stopped with ${code}:\n${output}`)
  if (/\bERROR\b/.test(output))
    throw new Error(`seeding the test template logged an ERROR:\n${output}`)
  process.env[TEMPLATE_ENV] = JSON.stringify({ databaseURL, mediaDir })
}

/** @returns {{ databaseURL: string, mediaDir: string } | undefined} the template of this run, if there is one */
export const seededTemplate = () => {
  const value = process.env[TEMPLATE_ENV]
  return value ? JSON.parse(value) : undefined
}

/**
 * A copy of the seeded template for one test file: its own database (SQLite file or PostgreSQL
 * database) and its own media folder.
 * @param {string} label
 * @param {{ databaseURL: string, mediaDir: string }} template
 * @returns {Promise<{ databaseURL: string, mediaDir: string }>}
 */
export const copySeededTemplate = async (label, template) => {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), `q-cms-media-${label}-`))
  cpSync(template.mediaDir, mediaDir, { recursive: true })
  const base = postgresBase()
  if (base) {
    const name = `q_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now()}`
    const templateName = new URL(template.databaseURL).pathname.slice(1)
    await withClient(base, (client) =>
      client.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`).then(() => undefined),
    )
    return { databaseURL: databaseURLIn(base, name), mediaDir }
  }
  const source = template.databaseURL.slice('file:'.length)
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), `q-cms-${label}-`)), 'test.db')
  copyFileSync(source, target)
  // A clean stop leaves no WAL behind; copy one if it is there, so the copy is never short of rows.
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(source + suffix)) copyFileSync(source + suffix, target + suffix)
  return { databaseURL: `file:${target}`, mediaDir }
}
