import Graph from 'graphology'
import { connectedComponents } from 'graphology-components'
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js'
import { density } from 'graphology-metrics/graph/density.js'

/** A member as the network sees them: no name, no email. */
export type NetworkMember = {
  id: string
  joinedAt: string
  region: string | null
  profession: string | null
  directoryVisible: boolean
}

/** An accepted connection between two members. */
export type NetworkConnection = { from: string; to: string; acceptedAt: string }

export type NetworkStats = {
  at: string
  members: number
  connections: number
  averageConnections: number
  medianConnections: number
  density: number
  components: number
  largestComponentShare: number
  isolates: number
  crossRegionShare: number
  crossProfessionShare: number
}

type NodeAttributes = { region: string | null; profession: string | null }

/** The last instant of the day `at` (UTC): a member who joined or a connection accepted that day counts. */
export const endOfDay = (at: string): number => new Date(`${at}T23:59:59.999Z`).getTime()

/** Figures are published to four decimals. */
export const roundFigure = (value: number) => Math.round(value * 10_000) / 10_000
const round = roundFigure

/**
 * The undirected graph of accepted connections at `at`: members who had joined by then, and the
 * connections accepted by then between two of them. Repeated pairs count once.
 */
export const buildGraph = (
  members: NetworkMember[],
  connections: NetworkConnection[],
  at: string,
): Graph<NodeAttributes> => {
  const until = endOfDay(at)
  const graph = new Graph<NodeAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  })
  for (const member of members) {
    if (new Date(member.joinedAt).getTime() <= until)
      graph.addNode(member.id, { region: member.region, profession: member.profession })
  }
  for (const connection of connections) {
    if (
      connection.from !== connection.to &&
      new Date(connection.acceptedAt).getTime() <= until &&
      graph.hasNode(connection.from) &&
      graph.hasNode(connection.to)
    ) {
      graph.mergeEdge(connection.from, connection.to)
    }
  }
  return graph
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The figures evaluators ask for, from graphology's own metrics. */
export const networkStats = (graph: Graph<NodeAttributes>, at: string): NetworkStats => {
  const members = graph.order
  const connections = graph.size
  const degrees = graph.mapNodes((node) => graph.degree(node))
  const components = connectedComponents(graph)
  const largest = components.reduce((size, component) => Math.max(size, component.length), 0)
  let crossRegion = 0
  let crossProfession = 0
  graph.forEachEdge((_edge, _attributes, _source, _target, source, target) => {
    if (source.region !== target.region) crossRegion++
    if (source.profession !== target.profession) crossProfession++
  })
  return {
    at,
    members,
    connections,
    averageConnections: members === 0 ? 0 : round((2 * connections) / members),
    medianConnections: median(degrees),
    density: members < 2 ? 0 : round(density(graph)),
    components: components.length,
    largestComponentShare: members === 0 ? 0 : round(largest / members),
    isolates: degrees.filter((degree) => degree === 0).length,
    crossRegionShare: connections === 0 ? 0 : round(crossRegion / connections),
    crossProfessionShare: connections === 0 ? 0 : round(crossProfession / connections),
  }
}

export type Interval = 'month' | 'week'

/** The dates of a series: `from`, then every week or month until `to` (inclusive). */
export const seriesDates = (from: string, to: string, interval: Interval): string[] => {
  const dates: string[] = []
  const cursor = new Date(`${from}T00:00:00.000Z`)
  const end = new Date(`${to}T00:00:00.000Z`)
  const day = cursor.getUTCDate()
  for (let step = 0; cursor <= end && dates.length < 1000; step++) {
    dates.push(cursor.toISOString().slice(0, 10))
    if (interval === 'week') cursor.setUTCDate(cursor.getUTCDate() + 7)
    else {
      // Keep the day of the month where it exists (31 Jan → 28/29 Feb → 31 Mar).
      const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1))
      const lastDay = new Date(
        Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0),
      ).getUTCDate()
      next.setUTCDate(Math.min(day, lastDay))
      cursor.setTime(next.getTime())
    }
  }
  return dates
}

export type BetweennessScores = Record<string, number>

/** Betweenness of every member, unweighted (the default weighted call runs Dijkstra and is several times slower). */
export const betweennessScores = (graph: Graph<NodeAttributes>): BetweennessScores =>
  betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })

/** Members who bridge otherwise separate groups: highest betweenness first, opted-out members left out. */
export const rankBrokers = (
  scores: BetweennessScores,
  graph: Graph<NodeAttributes>,
  members: NetworkMember[],
  limit: number,
) => {
  const visible = new Set(
    members.filter((member) => member.directoryVisible).map((member) => member.id),
  )
  return Object.entries(scores)
    .filter(([id]) => visible.has(id))
    .sort(([, a], [, b]) => b - a)
    .slice(0, limit)
    .map(([id, betweenness]) => ({
      id,
      betweenness: round(betweenness),
      connections: graph.degree(id),
    }))
}

/** `rankBrokers` over scores computed here, on the calling thread (tests, small networks). */
export const brokers = (graph: Graph<NodeAttributes>, members: NetworkMember[], limit: number) =>
  rankBrokers(betweennessScores(graph), graph, members, limit)
