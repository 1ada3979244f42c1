import { createHmac } from 'node:crypto'

import { HOST_KEY_PURPOSE, hostKey } from '@/config/keys'

/** Pseudonymous, stable ids for evaluators: the same member always gets the same id, and it does not reveal who. */
export const pseudonym = (secret: string, id: string) =>
  createHmac('sha256', hostKey(secret, HOST_KEY_PURPOSE.networkPseudonym))
    .update(`member:${id}`)
    .digest('hex')
    .slice(0, 16)
