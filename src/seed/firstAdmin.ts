import { SLUGS } from '@collections/slugs'
import { createSetupToken } from '@collections/Users/firstRegister/setupToken'
import type { Payload } from 'payload'

import { settings } from '../config/settings'

/** What start-up did about the first staff admin. */
export type FirstAdmin =
  | { kind: 'exists' }
  /** Created now from ADMIN_EMAIL / ADMIN_PASSWORD. */
  | { kind: 'created'; email: string }
  /** No staff yet and none configured: the seed will create its demo admin. */
  | { kind: 'left-to-seed' }
  /** No staff yet and none configured: first-register opens only with this link. */
  | { kind: 'setup-link'; url: string }

const adminFromEnv = () => {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase()
  const password = process.env.ADMIN_PASSWORD
  if (email && !password) throw new Error('ADMIN_EMAIL is set but ADMIN_PASSWORD is not.')
  return email && password ? { email, password } : null
}

const staffCount = async (payload: Payload) =>
  (await payload.count({ collection: SLUGS.users, overrideAccess: true })).totalDocs

/**
 * Runs on every start, whatever SEED says, so that `first-register` is never open to whoever comes
 * first: with no staff account yet, the admin is created from ADMIN_EMAIL / ADMIN_PASSWORD; without
 * those (and without the demo seed) a one-time setup link is made for the operator instead.
 */
export const prepareFirstAdmin = async (
  payload: Payload,
  options: { seedOnStart: boolean },
): Promise<FirstAdmin> => {
  if ((await staffCount(payload)) > 0) return { kind: 'exists' }
  const configured = adminFromEnv()
  if (configured) {
    try {
      await payload.create({
        collection: SLUGS.users,
        data: {
          email: configured.email,
          password: configured.password,
          name: 'Q Admin',
          roles: ['admin'],
        },
        overrideAccess: true,
        context: { seeding: true },
      })
    } catch (error) {
      // Another process of the same database may have created it a moment ago.
      if ((await staffCount(payload)) > 0) return { kind: 'exists' }
      throw error
    }
    return { kind: 'created', email: configured.email }
  }
  if (options.seedOnStart) return { kind: 'left-to-seed' }
  const token = await createSetupToken(payload)
  return { kind: 'setup-link', url: `${settings.serverURL}/api/users/setup?token=${token}` }
}
