import type { PayloadRequest } from 'payload'

import { SUBSCRIBERS_SLUG } from '../constants'
import { hashToken, isWellFormedToken } from './tokens'

/** A subscriber as the plugin reads it (hidden token fields included). */
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
  bounceCount?: number | null
}

/** The subscriber a token belongs to, looked up by the token's hash in `field`. */
export const findByToken = async (
  req: PayloadRequest,
  field: 'confirmTokenHash' | 'manageTokenHash',
  token: unknown,
): Promise<SubscriberDoc | null> => {
  if (!isWellFormedToken(token)) return null
  const { docs } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG,
    where: { [field]: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs[0] as SubscriberDoc | undefined) ?? null
}
