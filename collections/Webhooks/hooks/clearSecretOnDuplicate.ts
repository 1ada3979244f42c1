import type { FieldHook } from 'payload'

/**
 * A duplicated webhook gets a secret of its own: the copy starts without one, so `ensureSecret`
 * generates a fresh one on create. Two webhooks sharing a secret could sign each other's messages.
 */
export const clearSecretOnDuplicate: FieldHook = () => undefined
