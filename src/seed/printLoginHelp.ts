import { settings } from '../config/settings'
import type { SeedResult } from '.'
import type { FirstAdmin } from './firstAdmin'

/** Tells a newcomer where the admin is and how to log in, without ever repeating a stored password. */
export const printLoginHelp = (
  result: SeedResult,
  log: (line: string) => void = console.log,
): void => {
  log(`Admin UI: ${settings.serverURL}/admin`)
  if (result.demoAdminPassword) {
    log(`Log in as ${result.adminEmail} with password ${result.demoAdminPassword}`)
    log(
      'This password is shown once only: change it in the admin (Account) or set ADMIN_EMAIL/ADMIN_PASSWORD.',
    )
  } else if (process.env.ADMIN_EMAIL) {
    log(`Log in as ${result.adminEmail} with ADMIN_PASSWORD.`)
  } else if (result.adminEmail) {
    log(
      `Log in as ${result.adminEmail} (its password was printed when it was created; an admin can reset it).`,
    )
  }
}

/** What start-up did about the first admin, when the demo seed did not run. */
export const printFirstAdminHelp = (
  firstAdmin: FirstAdmin,
  log: (line: string) => void = console.log,
): void => {
  if (firstAdmin.kind === 'created') {
    log(
      `Created the first admin ${firstAdmin.email} from ADMIN_EMAIL/ADMIN_PASSWORD. Admin UI: ${settings.serverURL}/admin`,
    )
  } else if (firstAdmin.kind === 'setup-link') {
    log(
      'No staff account yet and ADMIN_EMAIL/ADMIN_PASSWORD are not set. Create the first admin with this one-time link',
    )
    log(`(valid 24 hours, until it is used or the server restarts): ${firstAdmin.url}`)
  }
}
