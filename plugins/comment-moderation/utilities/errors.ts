import { APIError, ValidationError } from 'payload'

import { COMMENTS_SLUG } from '../constants'

/** Thrown from hooks: a 400 naming the field, in Payload's ValidationError shape (`errors[0].data.errors[].path`). */
export const fieldError = (path: string, message: string) =>
  new ValidationError({ collection: COMMENTS_SLUG, errors: [{ path, message }] })

/** A refusal that is not about one field: 401/403 (closed, banned, guests off, not a member), 409 (reported already) or 429 (flood). */
export const refusal = (message: string, status: 401 | 403 | 409 | 429) =>
  new APIError(message, status, null, true)
