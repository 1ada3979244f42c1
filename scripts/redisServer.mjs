/**
 * A private, throwaway redis-server on a free loopback port: no persistence, no daemon, stopped by
 * its pid. Debian's `redis-server` (apt-get install redis-server).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createConnection } from 'node:net'

import { freePort } from './postgresCluster.mjs'

/** @returns {string | undefined} the redis-server binary on this machine */
export const findRedisServer = () => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], {
    encoding: 'utf8',
  }).stdout.trim()
  return found || undefined
}

/** @param {number} port @returns {Promise<boolean>} whether redis answers PING */
const answersPing = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'))
    socket.setTimeout(500)
    socket.on('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.on('error', () => resolve(false))
    socket.on('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })

/** @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>} */
export const startRedisServer = async () => {
  const bin = findRedisServer()
  if (!bin) throw new Error('redis-server not found (apt-get install redis-server)')
  const port = await freePort()
  const child = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const deadline = Date.now() + 10_000
  while (!(await answersPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('redis-server did not answer within 10 s')
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
