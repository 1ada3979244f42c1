import type { PayloadRequest } from 'payload'

import { SUBSCRIBERS_SLUG } from '../constants'
import { hashToken, isWellFormedToken } from '../tokens'

export type SubscriberDoc = {
  id: number | string
  email: string
  status: string
  topics?: string[] | null
  frequency: string
  confirmTokenHash?: string | null
  confirmTokenExpiresAt?: string | null
  confirmationSentAt?: string | null
  manageTokenHash?: string | null
  manageKey?: string | null
  member?: number | string | null
}

export const fieldError = (field: string, message: string, status = 400) =>
  Response.json({ errors: [{ message, field, data: { errors: [{ path: field, message }] } }] }, { status })

/** The body of a JSON or form POST (one-click unsubscribe and the confirm button post forms). */
export const readBody = async (req: PayloadRequest): Promise<Record<string, unknown> | null> => {
  const type = req.headers.get('content-type') ?? ''
  try {
    const request = req as unknown as Request
    if (type.includes('application/json')) {
      const body = (await request.json()) as unknown
      return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null
    }
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      return Object.fromEntries((await request.formData()).entries())
    }
    return {}
  } catch {
    return null
  }
}

/** The subscriber a token belongs to, looked up by the token's hash in `field`. */
export const findByToken = async (req: PayloadRequest, field: 'confirmTokenHash' | 'manageTokenHash', token: unknown) => {
  if (!isWellFormedToken(token)) return null
  const { docs } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG as never,
    where: { [field]: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs[0] as unknown as SubscriberDoc | undefined) ?? null
}

/** Whether the client wants a page (a person in a browser) rather than JSON (a frontend). */
export const wantsHtml = (req: PayloadRequest) => (req.headers.get('accept') ?? '').includes('text/html')
