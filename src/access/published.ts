import type { Access } from 'payload'

/** Only documents whose latest state is published; the database filters the rows. */
export const published: Access = () => ({ _status: { equals: 'published' } })
