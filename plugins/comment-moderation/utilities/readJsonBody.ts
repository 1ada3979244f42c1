import { errorResponse } from '@q-community/plugin-shared/responses'
import type { PayloadRequest } from 'payload'

/** The request's JSON body, or a 400 naming `body` for a body that is not a JSON object. */
export const readJsonBody = async (
  req: PayloadRequest,
): Promise<Record<string, unknown> | Response> => {
  try {
    const body: unknown = req.json ? await req.json() : {}
    if (!isRecord(body)) return errorResponse(400, 'The body must be a JSON object.', 'body')
    return body
  } catch {
    return errorResponse(400, 'The body is not valid JSON.', 'body')
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
