/**
 * A JSON error naming the field it is about, in the shape both plugins' endpoints have always
 * answered with: `{ errors: [{ message, field, data: { errors: [{ path, message }] } }] }`.
 * Built by hand because Payload's formatting of a thrown `ValidationError` rewrites the message
 * ("The following field is invalid: …") and has no `field`; errors that name no field are thrown
 * as `APIError`s instead, which Payload formats as `{ errors: [{ message }] }`.
 */
export const fieldErrorResponse = (field: string, message: string, status = 400): Response =>
  Response.json({ errors: [{ message, field, data: { errors: [{ path: field, message }] } }] }, { status })
