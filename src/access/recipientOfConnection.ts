import type { Access } from 'payload'

import { MEMBER_COLLECTION } from './roles'

/** Only the member a request was sent to may answer it. */
export const recipientOfConnection: Access = ({ req }) =>
  req.user?.collection === MEMBER_COLLECTION ? { to: { equals: req.user.id } } : false
