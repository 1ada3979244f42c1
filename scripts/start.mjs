/**
 * `npm start`: builds what is missing or older than the sources (Next app, server bundle), then
 * runs the express host in production mode. Production mode applies the committed migrations on
 * start; an empty database is then seeded with demo content (unless SEED=false).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const sourceRoots = ['src', 'collections', 'plugins', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']

const newestMtime = (target) => {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs)
}

const sourcesChangedAt = Math.max(...sourceRoots.map((entry) => newestMtime(path.join(root, entry))))
const isStale = (artifact) => !existsSync(artifact) || statSync(artifact).mtimeMs < sourcesChangedAt

const run = (label, command, args) => {
  console.log(`[start] ${label}…`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (process.env.SKIP_BUILD !== 'true') {
  if (isStale(path.join(root, '.next', 'BUILD_ID'))) run('building the admin and API (next build, about a minute)', 'npx', ['next', 'build'])
  if (isStale(path.join(root, 'dist', 'server.mjs'))) run('bundling the server', process.execPath, ['scripts/buildServer.mjs'])
}

process.env.NODE_ENV = 'production'
process.chdir(root)
await import(path.join(root, 'dist', 'server.mjs'))
