/**
 * `npm run cluster`: two instances of the CMS on this machine, as "Running several instances" in
 * the README sets them up: one private PostgreSQL cluster, one private redis-server, and two express
 * hosts on two ports (no balancer in front; open either). Both work the jobs queues. Everything is
 * throwaway (temp folders) and Ctrl-C stops it all.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureBuilt, root } from './ensureBuilt.mjs'
import { freePort, startPostgresCluster } from './postgresCluster.mjs'
import { startRedisServer } from './redisServer.mjs'

ensureBuilt()
const postgres = await startPostgresCluster()
const redis = await startRedisServer()
const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-cluster-media-'))
const shared = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  MEDIA_DIR: mediaDir,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || randomBytes(32).toString('hex'),
  HOST: '127.0.0.1',
}
console.log(`[cluster] PostgreSQL ${postgres.url}, Redis ${redis.url}`)

/** @type {import('node:child_process').ChildProcess[]} */
const instances = []

/** @param {string} name @param {Record<string, string>} env @returns {Promise<string>} its URL once it listens */
const startInstance = async (name, env) => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.mjs')], {
    cwd: root,
    env: { ...shared, PORT: String(port), SERVER_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  instances.push(child)
  let ready
  const listening = new Promise((resolve) => (ready = resolve))
  /** @param {Buffer} chunk */
  const relay = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue
      console.log(`[${name}] ${line}`)
      if (line.includes('ready on')) ready?.(url)
    }
  }
  child.stdout.on('data', relay)
  child.stderr.on('data', relay)
  child.on('exit', (code) => {
    console.log(`[${name}] exited (${code})`)
    if (!stopping) void stop(1)
  })
  return listening
}

/** @param {import('node:child_process').ChildProcess} child @returns {Promise<unknown>} */
const terminate = (child) =>
  child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })

let stopping = false
/** @param {number} status */
const stop = async (status) => {
  if (stopping) return
  stopping = true
  console.log('[cluster] stopping…')
  await Promise.all(instances.map(terminate))
  await redis.stop()
  postgres.stop()
  rmSync(mediaDir, { recursive: true, force: true })
  process.exit(status)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

// The first instance migrates and seeds the empty database; the second starts on it afterwards.
const first = await startInstance('a', { SEED: process.env.SEED ?? 'true' })
const second = await startInstance('b', { SEED: 'false' })
console.log(
  `\n[cluster] two instances on one PostgreSQL and one Redis:\n  A ${first}/admin\n  B ${second}/admin\n[cluster] Ctrl-C stops everything (the data is thrown away).\n`,
)
