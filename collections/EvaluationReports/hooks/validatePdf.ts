import type { UploadFieldSingleValidation } from 'payload'

import { SLUGS } from '../../slugs'

/** The report file must be a PDF already uploaded to media. */
export const validatePdf: UploadFieldSingleValidation = async (value, { req }) => {
  if (value === null || value === undefined || value === '') return true
  const id =
    typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string)
  try {
    const media = await req.payload.findByID({
      collection: SLUGS.media,
      id,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return media?.mimeType === 'application/pdf' ? true : 'reportFile must be a PDF.'
  } catch {
    return 'reportFile must refer to an uploaded PDF.'
  }
}
