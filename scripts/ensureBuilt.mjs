/**
 * Builds the Next app and the server bundle when they are missing or older than the sources.
 * Used by `npm start` and by the test suite's global setup.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sources = [
  'src',
  'collections',
  'plugins',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
]

/**
 * Written by builds, not by people: `plugins/<name>/dist` holds the declarations `npm run typecheck`
 * emits, so counting them would make every typecheck look like a source change (and rebuild Next).
 */
const isBuildOutput = (/** @type {string} */ target) =>
  path.basename(target) === 'dist' &&
  path.basename(path.dirname(path.dirname(target))) === 'plugins'

/** @param {string} target @returns {number} */
const newestMtime = (target) => {
  if (!existsSync(target) || isBuildOutput(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  )
}

/** @param {string} label @param {string} command @param {string[]} args */
const run = (label, command, args) => {
  console.log(`[build] ${label}…`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`${label} failed with exit code ${result.status}`)
}

export const ensureBuilt = () => {
  const sourcesChangedAt = Math.max(...sources.map((entry) => newestMtime(path.join(root, entry))))
  /** @param {string} artifact */
  const isStale = (artifact) =>
    !existsSync(artifact) || statSync(artifact).mtimeMs < sourcesChangedAt
  if (isStale(path.join(root, '.next', 'BUILD_ID'))) {
    run('building the admin and API (next build, about a minute)', 'npx', ['next', 'build'])
  }
  if (isStale(path.join(root, 'dist', 'server.mjs'))) {
    run('bundling the server', process.execPath, [path.join(root, 'scripts', 'buildServer.mjs')])
  }
}
