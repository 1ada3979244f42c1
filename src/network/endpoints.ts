import { createHmac } from 'node:crypto'
import Graph from 'graphology'
import { write as writeGexf } from 'graphology-gexf'
import type { Endpoint, PayloadRequest } from 'payload'

import { checkRole } from '@/access/checkRole'
import { HOST_KEY_PURPOSE, hostKey } from '@/config/keys'
import { badRequest } from '@/http/badRequest'
import type { RequestUser } from '@/access/checkRole'

import { networkSnapshot, type Snapshot } from './cache'
import { importNetwork } from './import/importNetwork'
import { ImportWriteError } from './import/writeImport'
import { betweennessInWorker } from './betweennessInWorker'
import { buildGraph, type Interval, type NetworkStats, rankBrokers, seriesDates } from './metrics'
import { runInSlices, sweepStats } from './timeline'

const today = () => new Date().toISOString().slice(0, 10)

/** A calendar date `YYYY-MM-DD` (rejects 2026-02-30), or null. */
export const parseDay = (raw: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null
  const date = new Date(`${raw}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw ? raw : null
}

const dayParam = (req: PayloadRequest, name: string, fallback: string): string | Response => {
  const raw = req.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  return parseDay(raw) ?? badRequest(name, `${name} must be a date written YYYY-MM-DD.`)
}

const MAX_SERIES_POINTS = 520

/** Staff with an analysis role: admins, editors and moderators all work with evaluators. */
const staffOnly = (req: PayloadRequest): Response | null => {
  if (!req.user) return Response.json({ errors: [{ message: 'Log in as staff to use this.' }] }, { status: 401 })
  return checkRole(['admin', 'editor', 'moderator'], req.user as RequestUser)
    ? null
    : Response.json({ errors: [{ message: 'Only staff can use this.' }] }, { status: 403 })
}

/**
 * The figures at each date, swept from the snapshot's timeline in slices: public, so they must not
 * hold the event loop (a whole series costs about one date's graph; see bench/RESULTS.md).
 */
const series = (snapshot: Snapshot, key: string, dates: string[]): Promise<NetworkStats[]> =>
  snapshot.figure(key, () => runInSlices(sweepStats(snapshot.timeline, dates)), { size: dates.length })

const statsAt = async (req: PayloadRequest, at: string) => (await series(await networkSnapshot(req.payload), `stats:${at}`, [at]))[0]

/** Pseudonymous, stable ids for evaluators: the same member always gets the same id, and it does not reveal who. */
const pseudonym = (secret: string, id: string) => createHmac('sha256', hostKey(secret, HOST_KEY_PURPOSE.networkPseudonym)).update(`member:${id}`).digest('hex').slice(0, 16)

const analysisEndpoints: Endpoint[] = [
  {
    path: '/network/stats',
    method: 'get',
    handler: async (req) => {
      const at = dayParam(req, 'at', today())
      if (at instanceof Response) return at
      return Response.json(await statsAt(req, at))
    },
  },
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
      if (interval !== 'month' && interval !== 'week') return badRequest('interval', 'interval must be month or week.')
      const dates = seriesDates(from, to, interval as Interval)
      if (dates.length >= MAX_SERIES_POINTS) return badRequest('interval', `That would be more than ${MAX_SERIES_POINTS} points: use a shorter range or a longer interval.`)
      const points = await series(await networkSnapshot(req.payload), `growth:${from}:${to}:${interval}`, dates)
      return Response.json({ from, to, interval, series: points })
    },
  },
  {
    path: '/network/brokers',
    method: 'get',
    handler: async (req) => {
      const refused = staffOnly(req)
      if (refused) return refused
      const raw = req.searchParams.get('limit') ?? '10'
      const limit = /^\d+$/.test(raw) ? Number(raw) : NaN
      if (!(limit >= 1 && limit <= 100)) return badRequest('limit', 'limit must be a whole number from 1 to 100.')
      const at = today()
      // A snapshot's figures are kept as promises: concurrent requests share one betweenness run,
      // and with Redis one instance at a time runs betweenness while the others wait for its result.
      const snapshot = await networkSnapshot(req.payload)
      const { members, connections } = snapshot
      const ranked = await snapshot.figure(
        `brokers:${at}`,
        async () => {
          const graph = buildGraph(members, connections, at)
          return rankBrokers(await betweennessInWorker(graph), graph, members, 100)
        },
        { lock: 'brokers' },
      )
      const names = new Map(
        (
          await req.payload.find({
            collection: 'members',
            where: { id: { in: ranked.slice(0, limit).map((row) => row.id) } },
            pagination: false,
            depth: 0,
            overrideAccess: true,
            select: { name: true, region: true, profession: true },
          })
        ).docs.map((member) => [String(member.id), member]),
      )
      return Response.json({
        at,
        brokers: ranked.slice(0, limit).map((row) => ({
          ...row,
          name: names.get(row.id)?.name ?? null,
          region: names.get(row.id)?.region ?? null,
          profession: names.get(row.id)?.profession ?? null,
        })),
      })
    },
  },
  {
    path: '/network/export',
    method: 'get',
    handler: async (req) => {
      const refused = staffOnly(req)
      if (refused) return refused
      const format = req.searchParams.get('format') ?? 'json'
      if (format !== 'json' && format !== 'gexf') return badRequest('format', 'format must be json or gexf.')
      const at = dayParam(req, 'at', today())
      if (at instanceof Response) return at
      const { members, connections } = await networkSnapshot(req.payload)
      // Members who opted out of the directory are left out of exports entirely, with their connections.
      const visible = members.filter((member) => member.directoryVisible)
      const full = buildGraph(visible, connections, at)
      const graph = new Graph({ type: 'undirected' })
      full.forEachNode((id, attributes) => graph.addNode(pseudonym(req.payload.secret, id), attributes))
      full.forEachEdge((_edge, _attributes, source, target) => graph.mergeEdge(pseudonym(req.payload.secret, source), pseudonym(req.payload.secret, target)))
      const filename = `q-network-${at}.${format}`
      const headers = { 'Content-Disposition': `attachment; filename="${filename}"` }
      if (format === 'gexf') {
        return new Response(writeGexf(graph), { headers: { ...headers, 'Content-Type': 'application/gexf+xml; charset=utf-8' } })
      }
      return Response.json(
        {
          at,
          nodes: graph.mapNodes((id, attributes) => ({ id, region: attributes.region ?? null, profession: attributes.profession ?? null })),
          edges: graph.mapEdges((_edge, _attributes, source, target) => ({ source, target })),
        },
        { headers },
      )
    },
  },
]

/**
 * `POST /api/network/import` (multipart: `members` and/or `connections` CSV files, `dryRun`):
 * the admin upload of the CLI import, for admins and editors.
 */
export const importEndpoint: Endpoint = {
  path: '/network/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Log in as staff to import.' }] }, { status: 401 })
    if (!checkRole(['admin', 'editor'], req.user as RequestUser)) return Response.json({ errors: [{ message: 'Only admins and editors can import.' }] }, { status: 403 })
    let form: FormData
    try {
      form = await (req as unknown as Request).formData()
    } catch {
      return badRequest('members', 'Send multipart/form-data with a members and/or a connections CSV file.')
    }
    const text = async (name: string) => {
      const file = form.get(name)
      return file && typeof file === 'object' && 'text' in file ? await file.text() : undefined
    }
    const membersCsv = await text('members')
    const connectionsCsv = await text('connections')
    if (!membersCsv && !connectionsCsv) return badRequest('members', 'Attach a members and/or a connections CSV file.')
    try {
      const report = await importNetwork(req.payload, { membersCsv, connectionsCsv, dryRun: ['true', 'on', '1'].includes(String(form.get('dryRun') ?? '')) })
      return Response.json(report, { status: report.rejected.length > 0 ? 422 : report.dryRun ? 200 : 201 })
    } catch (error) {
      // Nothing was left behind; a conflict (e.g. a member registered meanwhile) is worth retrying.
      if (error instanceof ImportWriteError && error.conflict) return Response.json({ errors: [{ message: error.message }] }, { status: 409 })
      throw error
    }
  },
}

export const networkEndpoints: Endpoint[] = [...analysisEndpoints, importEndpoint]
