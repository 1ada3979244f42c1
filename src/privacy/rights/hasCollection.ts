import type { CollectionSlug, PayloadRequest } from 'payload'

/** True when the running config has a collection `slug` (consent records may not exist yet). */
export const hasCollection = (req: PayloadRequest, slug: string): slug is CollectionSlug =>
  slug in req.payload.collections
