import { SLUGS } from '@collections/slugs'
import type { Access } from 'payload'

/** Only the member a request was sent to may answer it. */
export const recipientOfConnection: Access = ({ req }) =>
  req.user?.collection === SLUGS.members ? { to: { equals: req.user.id } } : false
