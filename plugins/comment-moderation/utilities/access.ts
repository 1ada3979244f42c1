import type { Access, FieldAccess, Where } from 'payload'

import { COMMENT_STATUS } from '../constants'
import type { SanitizedOptions } from '../types'
import { relationshipID } from './relationshipID'

/** The plugin's access rules, built from the host's idea of who moderates. */
export const commentAccess = (options: SanitizedOptions) => {
  const isModerator: Access = ({ req }) => options.isModerator(req.user)
  const moderatorField: FieldAccess = ({ req }) => options.isModerator(req.user)

  /** The public reads approved comments; a member also their own; moderators everything. */
  const readComments: Access = ({ req }) => {
    if (options.isModerator(req.user)) return true
    const approved: Where = { status: { equals: COMMENT_STATUS.approved } }
    if (req.user?.collection === options.authorCollection)
      return { or: [approved, { author: { equals: req.user.id } }] }
    return approved
  }

  /** Decision reasons: for moderators and for the comment's own author. */
  const moderatorOrAuthorField: FieldAccess = ({ req, doc }) => {
    if (options.isModerator(req.user)) return true
    const authorId = relationshipID(doc?.author)
    return (
      req.user?.collection === options.authorCollection &&
      authorId !== null &&
      authorId === String(req.user.id)
    )
  }

  /** Guests and members post; staff accounts moderate instead (and get no "Create New" in the admin). */
  const canPost: Access = ({ req }) => !req.user || req.user.collection === options.authorCollection

  return { canPost, isModerator, moderatorField, readComments, moderatorOrAuthorField }
}
