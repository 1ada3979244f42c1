import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { type FuzzTarget, WRITABLE } from './publicEndpoints'

/** Rate limits high enough that the fuzzer reaches the endpoints instead of the limiter. */
export const FUZZ_SERVER_ENV = {
  LOGIN_RATE_LIMIT: '100000',
  COMMENT_RATE_LIMIT: '100000',
  SUBSCRIBE_RATE_LIMIT: '100000',
}

/** Starts the real server, logs in an admin (for counts) and a member, and lists every collection from the live config. */
export const startFuzzTarget = async (
  label: string,
): Promise<{ server: RunningServer; target: FuzzTarget; collections: string[] }> => {
  const server = await startServer(label, FUZZ_SERVER_ENV)
  const client = api(server.url)
  const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const member = await client.request('POST', '/api/members', {
    token: adminToken,
    json: {
      name: 'Fuzz Member',
      email: 'fuzz.member@example.org',
      password: 'a-long-fuzz-password',
      profession: 'nurse',
      region: 'wales',
    },
  })
  if (member.status !== 201) throw new Error(`could not create the fuzz member: ${member.text}`)
  const memberToken = await client.login(
    'members',
    'fuzz.member@example.org',
    'a-long-fuzz-password',
  )
  const access = await client.request('GET', '/api/access', { token: adminToken })
  const collections = Object.keys((access.body.collections ?? {}) as Record<string, unknown>)
  const counts = async () => {
    const entries = await Promise.all(
      WRITABLE.map(
        async (slug) =>
          [
            slug,
            (await client.request('GET', `/api/${slug}/count`, { token: adminToken })).body
              .totalDocs as number,
          ] as const,
      ),
    )
    return Object.fromEntries(entries)
  }
  return { server, target: { url: server.url, memberToken, counts }, collections }
}
