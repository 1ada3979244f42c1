import type { FieldAccess } from 'payload'

/**
 * A field only the server writes: any value a client sends (staff included) is dropped before the
 * collection's hooks run; Local API calls with `overrideAccess` (seed, imports) keep theirs.
 */
export const serverOnlyField: FieldAccess = () => false
