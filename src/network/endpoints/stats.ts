import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { badRequest } from '@/http/errorResponses'

import { networkSnapshot, type Snapshot } from '../cache'
import { type Interval, type NetworkStats, seriesDates } from '../metrics'
import { runInSlices, sweepStats } from '../timeline'
import { GROWTH_DOC, STATS_DOC } from './docs'
import { dayParam, today } from './params'

const MAX_SERIES_POINTS = 520

/**
 * The figures at each date, swept from the snapshot's timeline in slices: public, so they must not
 * hold the event loop (a whole series costs about one date's graph; see bench/RESULTS.md).
 */
const series = (snapshot: Snapshot, key: string, dates: string[]): Promise<NetworkStats[]> =>
  snapshot.figure(key, () => runInSlices(sweepStats(snapshot.timeline, dates)), {
    size: dates.length,
  })

const statsAt = async (req: PayloadRequest, at: string) =>
  (await series(await networkSnapshot(req.payload), `stats:${at}`, [at]))[0]

/** `GET /api/network/stats?at=`: the network's figures on one date (public). */
export const statsEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/stats',
    method: 'get',
    handler: async (req) => {
      const at = dayParam(req, 'at', today())
      if (at instanceof Response) return at
      return Response.json(await statsAt(req, at))
    },
  },
  STATS_DOC,
)

/** `GET /api/network/growth?from=&to=&interval=`: the figures at each month or week (public). */
export const growthEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/growth',
    method: 'get',
    handler: async (req) => {
      const to = dayParam(req, 'to', today())
      if (to instanceof Response) return to
      const yearBefore = new Date(`${to}T00:00:00.000Z`)
      yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1)
      const from = dayParam(req, 'from', yearBefore.toISOString().slice(0, 10))
      if (from instanceof Response) return from
      if (from > to) return badRequest('from', 'from must not be after to.')
      const interval = req.searchParams.get('interval') ?? 'month'
      if (interval !== 'month' && interval !== 'week')
        return badRequest('interval', 'interval must be month or week.')
      const dates = seriesDates(from, to, interval as Interval)
      if (dates.length >= MAX_SERIES_POINTS)
        return badRequest(
          'interval',
          `That would be more than ${MAX_SERIES_POINTS} points: use a shorter range or a longer interval.`,
        )
      const points = await series(
        await networkSnapshot(req.payload),
        `growth:${from}:${to}:${interval}`,
        dates,
      )
      return Response.json({ from, to, interval, series: points })
    },
  },
  GROWTH_DOC,
)
