import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * PAYLOAD_SECRET signs every login token. When it is not set (a newcomer's `npm start`), a random
 * secret is generated once and kept in data/.payload-secret, so logins survive restarts and no
 * well-known default secret ever signs a token.
 */
export const resolvePayloadSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) return fromEnv
  const file = path.resolve(process.cwd(), 'data', '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  console.warn(
    `PAYLOAD_SECRET is not set: generated one and stored it in ${file}. Set PAYLOAD_SECRET in production.`,
  )
  return secret
}
