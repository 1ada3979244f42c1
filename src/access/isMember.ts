import { SLUGS } from '@collections/slugs'
import type { Access } from 'payload'

/** Any logged-in community member. */
export const isMember: Access = ({ req }) => req.user?.collection === SLUGS.members
