import type { api } from '../helpers/server'
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/server'

/** The people the access tests act as, over real HTTP. */
export const ACTORS = [
  'anonymous',
  'member',
  'optedOutMember',
  'moderator',
  'editor',
  'admin',
] as const
export type Actor = (typeof ACTORS)[number]

export type Actors = {
  tokens: Record<Actor, string | undefined>
  ids: Record<Actor, number | undefined>
}

export const ACTOR_PASSWORD = 'a-long-access-test-password'

/**
 * Logs in the seeded admin, then creates (as that admin, through the API) one staff user per role
 * and two members, one of them opted out of the directory.
 */
export const createActors = async (
  client: ReturnType<typeof api>,
  label: string,
): Promise<Actors> => {
  const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const me = await client.request('GET', '/api/users/me', { token: adminToken })
  const tokens: Actors['tokens'] = {
    anonymous: undefined,
    member: undefined,
    optedOutMember: undefined,
    moderator: undefined,
    editor: undefined,
    admin: adminToken,
  }
  const ids: Actors['ids'] = {
    anonymous: undefined,
    member: undefined,
    optedOutMember: undefined,
    moderator: undefined,
    editor: undefined,
    admin: me.body.user?.id,
  }
  await Promise.all([
    ...(['moderator', 'editor'] as const).map(async (role) => {
      const email = `${role}.${label}@staff.example.org`
      const created = await client.request('POST', '/api/users', {
        token: adminToken,
        json: { name: `${label} ${role}`, email, password: ACTOR_PASSWORD, roles: [role] },
      })
      if (created.status !== 201)
        throw new Error(`creating ${role}: ${created.status} ${created.text}`)
      ids[role] = created.body.doc?.id
      tokens[role] = await client.login('users', email, ACTOR_PASSWORD)
    }),
    ...(['member', 'optedOutMember'] as const).map(async (actor) => {
      const email = `${actor.toLowerCase()}.${label}@members.example.org`
      const created = await client.request('POST', '/api/members', {
        token: adminToken,
        json: {
          name: `${label} ${actor}`,
          email,
          password: ACTOR_PASSWORD,
          profession: 'nurse',
          region: 'wales',
          directoryVisible: actor === 'member',
        },
      })
      if (created.status !== 201)
        throw new Error(`creating ${actor}: ${created.status} ${created.text}`)
      ids[actor] = created.body.doc?.id
      tokens[actor] = await client.login('members', email, ACTOR_PASSWORD)
    }),
  ])
  return { tokens, ids }
}
