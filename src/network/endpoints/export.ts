import { documented } from '@q-community/plugin-shared/openapi'
import Graph from 'graphology'
import { write as writeGexf } from 'graphology-gexf'
import type { Endpoint, PayloadRequest } from 'payload'

import { staffOnly } from '@/access/staffOnly'
import { badRequest } from '@/http/errorResponses'
import { exportSettings } from '@/privacy/exports/exportSettings'
import { kAnonymise } from '@/privacy/exports/kAnonymity'
import { exportPseudonym, newPseudonymKey } from '@/privacy/exports/pseudonyms'

import { networkSnapshot } from '../cache'
import { buildGraph } from '../metrics'
import { EXPORT_DOC } from './docs'
import { dayParam, today } from './params'

/**
 * The network on `at` as an evaluator may see it: only members who agreed to network analysis (the
 * snapshot) and are listed in the directory, region × profession k-anonymised as in the research
 * exports (small groups generalised or left out, with their connections), under pseudonyms keyed
 * for this download alone, so that two downloads (two dates, say) cannot be linked member by member.
 */
const pseudonymousGraph = async (req: PayloadRequest, at: string) => {
  const { members, connections } = await networkSnapshot(req.payload)
  const visible = members.filter((member) => member.directoryVisible)
  const full = buildGraph(visible, connections, at)
  const { kept } = kAnonymise(
    full.mapNodes((id, attributes) => ({
      id,
      region: attributes.region ?? null,
      profession: attributes.profession ?? null,
    })),
    (await exportSettings(req.payload)).k,
  )
  const key = newPseudonymKey()
  const graph = new Graph({ type: 'undirected' })
  for (const [id, group] of kept) graph.addNode(exportPseudonym(key, id), group)
  full.forEachEdge((_edge, _attributes, source, target) => {
    if (kept.has(source) && kept.has(target))
      graph.mergeEdge(exportPseudonym(key, source), exportPseudonym(key, target))
  })
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
