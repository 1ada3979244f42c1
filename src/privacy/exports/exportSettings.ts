import { GLOBAL_SLUGS } from '@collections/slugs'
import type { Payload } from 'payload'

import { DEFAULT_KEEP_DAYS, DEFAULT_MIN_GROUP_SIZE } from './constants'

/** k and the days a ZIP is kept, from the privacy settings as they are now. */
export const exportSettings = async (payload: Payload) => {
  const privacy = await payload.findGlobal({
    slug: GLOBAL_SLUGS.privacySettings,
    overrideAccess: true,
    depth: 0,
  })
  return {
    k: privacy.networkExportMinGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    keepDays: privacy.networkExportKeepDays ?? DEFAULT_KEEP_DAYS,
  }
}
