import { documented } from '@q-community/plugin-shared/openapi'
import Graph from 'graphology'
import { write as writeGexf } from 'graphology-gexf'
import type { Endpoint, PayloadRequest } from 'payload'

import { staffOnly } from '@/access/staffOnly'
import { badRequest } from '@/http/errorResponses'

import { networkSnapshot } from '../cache'
import { buildGraph } from '../metrics'
import { pseudonym } from '../pseudonym'
import { EXPORT_DOC } from './docs'
import { dayParam, today } from './params'

/** The network on `at`, its members under pseudonyms; members who opted out of the directory are left out. */
const pseudonymousGraph = async (req: PayloadRequest, at: string) => {
  const { members, connections } = await networkSnapshot(req.payload)
  // Members who opted out of the directory are left out of exports entirely, with their connections.
  const visible = members.filter((member) => member.directoryVisible)
  const full = buildGraph(visible, connections, at)
  const graph = new Graph({ type: 'undirected' })
  full.forEachNode((id, attributes) => graph.addNode(pseudonym(req.payload.secret, id), attributes))
  full.forEachEdge((_edge, _attributes, source, target) =>
    graph.mergeEdge(pseudonym(req.payload.secret, source), pseudonym(req.payload.secret, target)),
  )
  return graph
}

/** `GET /api/network/export?format=json|gexf&at=`: the pseudonymised network as a download (staff only). */
export const exportEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/network/export',
    method: 'get',
    handler: async (req) => {
      const refused = await staffOnly(req)
      if (refused) return refused
      const format = req.searchParams.get('format') ?? 'json'
      if (format !== 'json' && format !== 'gexf')
        return badRequest('format', 'format must be json or gexf.')
      const at = dayParam(req, 'at', today())
      if (at instanceof Response) return at
      const graph = await pseudonymousGraph(req, at)
      const filename = `q-network-${at}.${format}`
      const headers = { 'Content-Disposition': `attachment; filename="${filename}"` }
      if (format === 'gexf') {
        return new Response(writeGexf(graph), {
          headers: { ...headers, 'Content-Type': 'application/gexf+xml; charset=utf-8' },
        })
      }
      return Response.json(
        {
          at,
          nodes: graph.mapNodes((id, attributes) => ({
            id,
            region: attributes.region ?? null,
            profession: attributes.profession ?? null,
          })),
          edges: graph.mapEdges((_edge, _attributes, source, target) => ({ source, target })),
        },
        { headers },
      )
    },
  },
  EXPORT_DOC,
)
