import type { FieldHook } from 'payload'

/**
 * A duplicated webhook gets a secret of its own: the copy starts without one (`null`: Payload keeps
 * the copied value when a beforeDuplicate hook returns undefined), so `ensureSecret` generates a
 * fresh one on create. Two webhooks sharing a secret could pass each other's messages off.
 */
export const clearSecretOnDuplicate: FieldHook = () => null
