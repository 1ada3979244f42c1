import { or } from './combine'
import { isStaff } from './isStaff'
import { usedByPublished } from './usedByPublished'

/**
 * Staff read every file; everyone else only files that published content uses, so a draft's PDF or
 * image is not readable (by id, in lists or at its file URL) before the draft is published.
 */
export const publicMediaOrStaff = or(isStaff, usedByPublished)
