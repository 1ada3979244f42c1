import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { staffOnly } from '@/access/staffOnly'
import { badRequest } from '@/http/errorResponses'

import { betweennessInWorker } from '../betweennessInWorker'
import { networkSnapshot } from '../cache'
import { buildGraph, rankBrokers } from '../metrics'
import { BROKERS_DOC } from './docs'
import { today } from './params'

/** The top 100 brokers today, computed at most once per snapshot and day. */
const rankedBrokers = async (req: PayloadRequest, at: string) => {
  // A snapshot's figures are kept as promises: concurrent requests share one betweenness run,
  // and with Redis one instance at a time runs betweenness while the others wait for its result.
  const snapshot = await networkSnapshot(req.payload)
  const { members, connections } = snapshot
  return snapshot.figure(
    `brokers:${at}`,
    async () => {
      const graph = buildGraph(members, connections, at)
      return rankBrokers(await betweennessInWorker(graph), graph, members, 100)
    },
    { lock: 'brokers' },
  )
}

/** Name, region and profession of the members with these ids, by id. */
const memberDetails = async (req: PayloadRequest, ids: string[]) =>
  new Map(
    (
      await req.payload.find({
        collection: SLUGS.members,
        where: { id: { in: ids } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { name: true, region: true, profession: true },
      })
    ).docs.map((member) => [String(member.id), member]),
  )

/** `GET /api/network/brokers?limit=`: the members who bridge the network most (staff only). */
export const brokersEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/brokers',
    method: 'get',
    handler: async (req) => {
      const refused = await staffOnly(req)
      if (refused) return refused
      const raw = req.searchParams.get('limit') ?? '10'
      const limit = /^\d+$/.test(raw) ? Number(raw) : NaN
      if (!(limit >= 1 && limit <= 100))
        return badRequest('limit', 'limit must be a whole number from 1 to 100.')
      const at = today()
      const top = (await rankedBrokers(req, at)).slice(0, limit)
      const names = await memberDetails(
        req,
        top.map((row) => row.id),
      )
      return Response.json({
        at,
        brokers: top.map((row) => ({
          ...row,
          name: names.get(row.id)?.name ?? null,
          region: names.get(row.id)?.region ?? null,
          profession: names.get(row.id)?.profession ?? null,
        })),
      })
    },
  },
  BROKERS_DOC,
)
