/**
 * `npm run bench:network`: network stats for 10,000 members and 150,000 connections, through the
 * CMS's own code (src/network/metrics.ts) and through a bare graphology computation of the same
 * figures, in the same run. Goals: under 1 s, and at most 1.2× the bare computation.
 * Then a 520-point weekly growth series as `GET /api/network/growth` computes it (one sweep over
 * the snapshot's timeline, src/network/timeline.ts): under 1.5 s, and at most 2× one stats call.
 */
import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import Graph from 'graphology'
import { connectedComponents } from 'graphology-components'
import { density } from 'graphology-metrics/graph/density.js'

import { betweennessInWorker } from '../src/network/betweennessInWorker'
import {
  betweennessScores,
  buildGraph,
  type NetworkConnection,
  type NetworkMember,
  networkStats,
  seriesDates,
} from '../src/network/metrics'
import { buildTimeline, runAtOnce, runInSlices, sweepStats } from '../src/network/timeline'
import { machine, recordResults } from './lib.mjs'

const MEMBERS = 10_000
const CONNECTIONS = 150_000
const RUNS = 5
const AT = '2026-11-26'
const GOALS = { seconds: 1, ratio: 1.2, seriesSeconds: 1.5, seriesRatio: 2 }
const SERIES_POINTS = 520

// A small deterministic PRNG, so every run measures the same network.
// (mulberry32: 32-bit integer arithmetic throughout, so no precision is lost.)
let state = 42
const random = () => {
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]
const day = (start: number, spanDays: number) =>
  new Date(start + Math.floor(random() * spanDays) * 86_400_000).toISOString()

const regions = [
  'north-east',
  'north-west',
  'london',
  'wales',
  'scotland',
  'northern-ireland',
  'south-west',
  'east-midlands',
] as const
const professions = [
  'doctor',
  'nurse',
  'manager',
  'researcher',
  'pharmacist',
  'patient-leader',
] as const
const start = Date.UTC(2025, 0, 1)
const members: NetworkMember[] = Array.from({ length: MEMBERS }, (_, index) => ({
  id: String(index + 1),
  joinedAt: day(start, 600),
  region: pick(regions),
  profession: pick(professions),
  directoryVisible: random() > 0.05,
}))
const pairs = new Set<string>()
const connections: NetworkConnection[] = []
while (connections.length < CONNECTIONS) {
  const a = 1 + Math.floor(random() * MEMBERS)
  const b = 1 + Math.floor(random() * MEMBERS)
  const key = a < b ? `${a}-${b}` : `${b}-${a}`
  if (a === b || pairs.has(key)) continue
  pairs.add(key)
  connections.push({ from: String(a), to: String(b), acceptedAt: day(start, 690) })
}

/** The same figures with nothing but graphology and a loop: the baseline. */
const bare = () => {
  const until = new Date(`${AT}T23:59:59.999Z`).getTime()
  const graph = new Graph({ type: 'undirected' })
  for (const member of members)
    if (Date.parse(member.joinedAt) <= until) graph.addNode(member.id, member)
  for (const connection of connections) {
    if (
      Date.parse(connection.acceptedAt) <= until &&
      graph.hasNode(connection.from) &&
      graph.hasNode(connection.to)
    ) {
      graph.mergeEdge(connection.from, connection.to)
    }
  }
  const degrees = graph.mapNodes((node) => graph.degree(node)).sort((a, b) => a - b)
  const components = connectedComponents(graph)
  let crossRegion = 0
  let crossProfession = 0
  graph.forEachEdge((_e, _a, _s, _t, source, target) => {
    if (source.region !== target.region) crossRegion++
    if (source.profession !== target.profession) crossProfession++
  })
  return {
    members: graph.order,
    connections: graph.size,
    median: degrees[Math.floor(degrees.length / 2)],
    density: density(graph),
    components: components.length,
    largest: Math.max(...components.map((component) => component.length)),
    isolates: degrees.filter((degree) => degree === 0).length,
    crossRegion,
    crossProfession,
  }
}

const time = (fn: () => unknown) => {
  const durations: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now()
    fn()
    durations.push(performance.now() - t0)
  }
  return durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)]
}
const timeAsync = async (fn: () => Promise<unknown>) => {
  const durations: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now()
    await fn()
    durations.push(performance.now() - t0)
  }
  return durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)]
}

const ours = networkStats(buildGraph(members, connections, AT), AT)
const baseline = bare()
if (
  ours.connections !== baseline.connections ||
  ours.components !== baseline.components ||
  ours.isolates !== baseline.isolates
) {
  throw new Error('the two computations disagree')
}
const bareMs = time(bare)
const oursMs = time(() => networkStats(buildGraph(members, connections, AT), AT))
const ratio = oursMs / bareMs
const peakMb = process.memoryUsage().rss / 2 ** 20

// The growth series: 520 weekly points ending at AT, from a fresh snapshot (timeline built, then
// swept), and from a cached timeline (what every request after the first costs), on the main
// thread in slices as the endpoint runs it.
const seriesTo = new Date(`${AT}T00:00:00.000Z`)
const seriesFrom = new Date(seriesTo.getTime() - (SERIES_POINTS - 1) * 7 * 86_400_000)
  .toISOString()
  .slice(0, 10)
const dates = seriesDates(seriesFrom, AT, 'week')
if (dates.length !== SERIES_POINTS)
  throw new Error(`expected ${SERIES_POINTS} dates, got ${dates.length}`)
const swept = runAtOnce(sweepStats(runAtOnce(buildTimeline(members, connections)), dates))
// The sweep must give the graph's figures exactly (the unit tests check every date on small networks).
for (const index of [0, 100, 300, 519]) {
  if (
    JSON.stringify(swept[index]) !==
    JSON.stringify(networkStats(buildGraph(members, connections, dates[index]), dates[index]))
  ) {
    throw new Error(`the sweep disagrees with networkStats at ${dates[index]}`)
  }
}
const timeline = runAtOnce(buildTimeline(members, connections))
const timelineMs = time(() => runAtOnce(buildTimeline(members, connections)))
const sweepMs = time(() => runAtOnce(sweepStats(timeline, dates)))
const seriesMs = await timeAsync(async () =>
  runInSlices(sweepStats(await runInSlices(buildTimeline(members, connections)), dates)),
)
const seriesRatio = seriesMs / oursMs
const oneDateMs = time(() => runAtOnce(sweepStats(timeline, [AT])))
let maxStallMs: number
{
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  await runInSlices(sweepStats(await runInSlices(buildTimeline(members, connections)), dates))
  await new Promise((resolve) => setTimeout(resolve, 20))
  delay.disable()
  maxStallMs = delay.max / 1e6
}
// Before: a graph per date, as the endpoint did. Timed on 10 points and scaled: 520 would take minutes.
const perDateMs =
  time(() => {
    for (const at of dates.slice(-10)) networkStats(buildGraph(members, connections, at), at)
  }) / 10

// Brokers (betweenness over the whole graph) as the endpoint computes them: on a worker thread.
// What matters is that the server goes on answering meanwhile: the event loop's longest stall
// while the worker runs, against the stall of the same computation on the main thread.
const brokersGraph = buildGraph(members, connections, AT)
const stallWhile = async (work: () => Promise<unknown>) => {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const t0 = performance.now()
  await work()
  const ms = performance.now() - t0
  // One more turn of the loop, so a stall that has just ended is recorded.
  await new Promise((resolve) => setTimeout(resolve, 50))
  delay.disable()
  return { ms, maxStallMs: delay.max / 1e6 }
}
const inWorker = await stallWhile(() => betweennessInWorker(brokersGraph))
const onMainThread = await stallWhile(async () => {
  // Yield first so the monitor sees the stall as one long delay.
  await new Promise((resolve) => setTimeout(resolve, 20))
  betweennessScores(brokersGraph)
})

recordResults([
  `## Network stats at scale — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:network\` · Machine: ${machine()} · ${MEMBERS.toLocaleString('en-GB')} members, ${CONNECTIONS.toLocaleString('en-GB')} connections, median of ${RUNS} runs · load average ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows every figure)`,
  '',
  '| Computation | Time | Goal |',
  '| --- | --- | --- |',
  `| CMS (\`buildGraph\` + \`networkStats\`) | ${oursMs.toFixed(0)} ms | < ${GOALS.seconds * 1000} ms: ${oursMs < GOALS.seconds * 1000 ? 'meets' : 'MISSES'} |`,
  `| bare graphology, same figures | ${bareMs.toFixed(0)} ms | — |`,
  `| ratio | ${ratio.toFixed(2)}× | ≤ ${GOALS.ratio}×: ${ratio <= GOALS.ratio ? 'meets' : 'MISSES'} |`,
  '',
  `| Growth series, ${SERIES_POINTS} weekly points | Time | Goal |`,
  '| --- | --- | --- |',
  `| fresh snapshot: timeline built and swept, in slices (what the first \`GET /api/network/growth\` costs) | ${seriesMs.toFixed(0)} ms | < ${GOALS.seriesSeconds * 1000} ms: ${seriesMs < GOALS.seriesSeconds * 1000 ? 'meets' : 'MISSES'} |`,
  `| ratio to one \`stats\` call (\`buildGraph\` + \`networkStats\` above) | ${seriesRatio.toFixed(2)}× | ≤ ${GOALS.seriesRatio}×: ${seriesRatio <= GOALS.seriesRatio ? 'meets' : 'MISSES'} |`,
  `| of which building the timeline (once per snapshot) | ${timelineMs.toFixed(0)} ms | — |`,
  `| the sweep alone, timeline cached (a new range once the network is loaded) | ${sweepMs.toFixed(0)} ms | — |`,
  `| one date from the cached timeline (\`GET /api/network/stats?at=\`) | ${oneDateMs.toFixed(1)} ms | — |`,
  `| longest event-loop stall while a fresh series runs in slices | ${maxStallMs.toFixed(0)} ms | ≤ 100 ms: ${maxStallMs <= 100 ? 'meets' : 'MISSES'} |`,
  `| before: a graph per date (${perDateMs.toFixed(0)} ms a point, measured on 10 points), ${SERIES_POINTS} points, one block of the event loop | ≈ ${((perDateMs * SERIES_POINTS) / 1000).toFixed(0)} s | — |`,
  '',
  '| Brokers (betweenness, all members) | Time | Longest event-loop stall meanwhile |',
  '| --- | --- | --- |',
  `| on a worker thread (what \`GET /api/network/brokers\` does) | ${(inWorker.ms / 1000).toFixed(1)} s | ${inWorker.maxStallMs.toFixed(0)} ms |`,
  `| on the main thread (before) | ${(onMainThread.ms / 1000).toFixed(1)} s | ${(onMainThread.maxStallMs / 1000).toFixed(1)} s |`,
  '',
  `Figures: ${ours.members} members, ${ours.connections} connections, average ${ours.averageConnections}, ${ours.components} components, ${ours.isolates} isolates. RSS ${peakMb.toFixed(0)} MB. ` +
    'Served figures are cached per request (an LRU bounded in entries and points) until a member or connection changes, so a repeated request costs a lookup.',
])
