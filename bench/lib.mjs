/** Shared by the benchmarks: start the built express host, time requests, record results. */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from '../scripts/postgresCluster.mjs'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`

/** Starts dist/server.mjs (production mode) on a fresh SQLite file unless env says otherwise. */
export const startServer = async (env = {}) => {
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-bench-'))
  const startedAt = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `file:${path.join(dir, 'q.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: 'bench-secret',
      ADMIN_EMAIL: 'bench@example.org',
      ADMIN_PASSWORD: 'bench-password',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.on('exit', resolve))
  }
  return { child, url, dir, coldStartMs: performance.now() - startedAt, output: () => output, stop }
}

export const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024

const HEADER =
  '# Benchmark results\n\nThe latest result of each benchmark, newest first (earlier runs are in git history); each section names the command that wrote it and the machine.\n\n'

/**
 * Prepends a section to bench/RESULTS.md (newest first), replacing the previous result of the same
 * benchmark (the section title before ' — '): git keeps the history.
 */
export const recordResults = (lines) => {
  const file = path.join(root, 'bench', 'RESULTS.md')
  const kind = lines[0].split(' — ')[0]
  const previous = existsSync(file) ? readFileSync(file, 'utf8').replace(HEADER, '') : ''
  const others = previous
    .split(/\n(?=## )/)
    .filter((section) => section.trim() && !section.startsWith(`${kind} — `))
    .map((section) => section.trim())
  writeFileSync(file, `${HEADER}${[lines.join('\n'), ...others].join('\n\n')}\n`)
  console.log(lines.join('\n'))
}
