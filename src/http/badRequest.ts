/**
 * 400 naming the field, shaped like Payload's own ValidationError responses
 * (`errors[0].data.errors[].path`) plus a flat `field`, so clients read every 400 the same way.
 */
export const badRequest = (field: string, message: string): Response =>
  Response.json({ errors: [{ message, field, data: { errors: [{ path: field, message }] } }] }, { status: 400 })
