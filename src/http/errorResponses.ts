/**
 * The error body every refusal shares, shaped like Payload's own ValidationError responses
 * (`errors[0].data.errors[].path`) plus a flat `field`, so clients read every 4xx the same way.
 */
export const errorBody = (field: string, message: string) => ({
  errors: [{ message, field, data: { errors: [{ path: field, message }] } }],
})

/** 400 naming the field (see `errorBody`). */
export const badRequest = (field: string, message: string): Response =>
  Response.json(errorBody(field, message), { status: 400 })

/** The error body of a refusal that names no field: `{ errors: [{ message }] }`. */
export const messageBody = (message: string) => ({ errors: [{ message }] })

/** A refusal with `status` that names no field (see `messageBody`). */
export const errorResponse = (status: number, message: string): Response =>
  Response.json(messageBody(message), { status })
