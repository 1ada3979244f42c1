import type { PayloadRequest } from 'payload'

import { fieldErrorResponse } from '../../shared/responses'

/** The request's JSON body, or a 400 naming `body` for a body that is not a JSON object. */
export const readJsonBody = async (req: PayloadRequest): Promise<Record<string, unknown> | Response> => {
  try {
    const body: unknown = req.json ? await req.json() : {}
    if (!isRecord(body)) return fieldErrorResponse('body', 'The body must be a JSON object.')
    return body
  } catch {
    return fieldErrorResponse('body', 'The body is not valid JSON.')
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
