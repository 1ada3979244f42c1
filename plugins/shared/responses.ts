/**
 * A JSON error in the shape the REST API's field errors have, naming the field when there is one:
 * `{ errors: [{ message, field, data: { errors: [{ path, message }] } }] }`. Payload's own formatting
 * of a thrown `ValidationError`/`APIError` with data adds `name` and leaves out `field`, so endpoints
 * whose answers name a field build them with this; errors without a field are thrown as `APIError`.
 */
export const errorResponse = (status: number, message: string, field?: string): Response =>
  Response.json(
    {
      errors: [
        { message, ...(field ? { field, data: { errors: [{ path: field, message }] } } : {}) },
      ],
    },
    { status },
  )
