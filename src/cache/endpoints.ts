import type { Endpoint } from 'payload'

import { checkRole } from '../access/checkRole'
import { errorResponse } from '../http/errorResponses'
import { readCacheStats } from './readCacheState'

export const READ_CACHE_STATS_PATH = '/read-cache/stats'

/** `GET /api/read-cache/stats`: the read cache's hits, misses, 304s, invalidations and bytes, for admins. */
export const readCacheEndpoints: Endpoint[] = [
  {
    path: READ_CACHE_STATS_PATH,
    method: 'get',
    handler: async (req) =>
      checkRole(['admin'], req.user)
        ? Response.json(await readCacheStats(), {
            headers: { 'Cache-Control': 'private, no-store' },
          })
        : errorResponse(403, 'Only admins can see the read cache figures.'),
  },
]
