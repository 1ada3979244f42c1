import type { Access } from 'payload'

import { MEMBER_COLLECTION } from './roles'

/** Any logged-in community member. */
export const isMember: Access = ({ req }) => req.user?.collection === MEMBER_COLLECTION
