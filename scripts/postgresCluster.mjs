/**
 * A private, throwaway PostgreSQL cluster in a temp folder on a free loopback port, started from
 * the machine's own binaries (/usr/lib/postgresql/<version>/bin). As root, the cluster runs as the
 * `postgres` system user, because initdb refuses to run as root.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** @returns {string | undefined} the newest PostgreSQL bin folder on this machine */
export const findPostgresBin = () => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions
    .map((version) => path.join(root, version, 'bin'))
    .find((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl')))
}

/** @returns {Promise<number>} a loopback port nobody is listening on */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })

/** @returns {Promise<{ url: string, stop: () => void }>} */
export const startPostgresCluster = async () => {
  const bin = findPostgresBin()
  if (!bin)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)',
    )
  const isRoot = process.getuid?.() === 0
  /** @param {string} tool @param {string[]} args */
  const runAsOwner = (tool, args) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' })

  const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-pg-'))
  chmodSync(dir, 0o777)
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  runAsOwner('initdb', ['-D', dataDir, '-U', 'q', '--auth=trust', '--no-sync', '-E', 'UTF8'])
  runAsOwner('pg_ctl', [
    '-D',
    dataDir,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ])
  runAsOwner('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'q', 'q_cms'])
  return {
    url: `postgres://q@127.0.0.1:${port}/q_cms`,
    stop: () => {
      const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop']
      if (isRoot)
        spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], {
          stdio: 'ignore',
        })
      else spawnSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
