import type { Access } from 'payload'

/** Members who have not opted out of the directory. */
export const directoryVisible: Access = () => ({ directoryVisible: { equals: true } })
