import type { Access } from 'payload'

/** Nobody through the API: only the server itself writes these rows (Local API with overrideAccess, or the adapter). */
export const nobody: Access = () => false
