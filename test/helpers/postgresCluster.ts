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

export type PostgresCluster = { url: string; stop: () => void }

export const findPostgresBin = (): string | undefined => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const bin = path.join(root, version, 'bin')
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin
  }
  return undefined
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })

export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)')
  const isRoot = process.getuid?.() === 0
  const asOwner = (command: string, args: string[]) =>
    isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' })

  const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-pg-'))
  chmodSync(dir, 0o777)
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  asOwner(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'q', '--auth=trust', '--no-sync', '-E', 'UTF8'])
  asOwner(path.join(bin, 'pg_ctl'), [
    '-D', dataDir,
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    '-l', path.join(dir, 'log'),
    '-w', 'start',
  ])
  asOwner(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'q', 'q_cms'])
  return {
    url: `postgres://q@127.0.0.1:${port}/q_cms`,
    stop: () => {
      const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop']
      if (isRoot) spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' })
      else spawnSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
