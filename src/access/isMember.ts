import type { Access } from 'payload'

import { SLUGS } from '@collections/slugs'

/** Any logged-in community member. */
export const isMember: Access = ({ req }) => req.user?.collection === SLUGS.members
