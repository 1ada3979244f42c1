import { or } from './combine'
import { isStaff } from './isStaff'
import { published } from './published'

/** Staff read drafts; everyone else (members included) reads published documents only. */
export const publishedOrStaff = or(isStaff, published)
