import type { PayloadRequest } from 'payload'

/** JSON error in the shape the REST API uses elsewhere, naming the field when there is one. */
export const errorResponse = (status: number, message: string, field?: string) =>
  Response.json({ errors: [{ message, ...(field ? { field, data: { errors: [{ path: field, message }] } } : {}) }] }, { status })

/** The request's JSON body, or an error response for a body that is not a JSON object. */
export const readJsonBody = async (req: PayloadRequest): Promise<Record<string, unknown> | Response> => {
  try {
    const body = req.json ? await req.json() : {}
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return errorResponse(400, 'The body must be a JSON object.', 'body')
    return body as Record<string, unknown>
  } catch {
    return errorResponse(400, 'The body is not valid JSON.', 'body')
  }
}
