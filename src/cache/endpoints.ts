import { documented, errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { checkRole } from '../access/checkRole'
import { errorResponse } from '../http/errorResponses'
import { readCacheStats } from './readCacheState'

export const READ_CACHE_STATS_PATH = '/read-cache/stats'

/** `GET /api/read-cache/stats`: the read cache's hits, misses, 304s, invalidations and bytes, for admins. */
export const readCacheEndpoints: Endpoint[] = [
  documented<Endpoint>(
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
    {
      summary: "The read cache's figures: hits, misses, 304s, invalidations, bytes held",
      tags: ['read-cache'],
      audience: 'staff',
      responses: {
        200: jsonResponseDoc('The figures (`{ enabled: false }` with READ_CACHE=off).', {
          type: 'object',
          additionalProperties: true,
          required: ['enabled'],
          properties: { enabled: { type: 'boolean' } },
        }),
        403: errorResponseDoc('Not an admin.'),
      },
    },
  ),
]
