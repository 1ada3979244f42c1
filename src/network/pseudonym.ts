import { HOST_KEY_PURPOSE, hostKeyedHash } from '@/config/keys'

/** Pseudonymous, stable ids for evaluators: the same member always gets the same id, and it does not reveal who. */
export const pseudonym = (secret: string, id: string) =>
  hostKeyedHash(secret, HOST_KEY_PURPOSE.networkPseudonym, `member:${id}`).slice(0, 16)
