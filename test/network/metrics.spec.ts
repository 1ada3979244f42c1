import { betweennessInWorker } from '@/network/betweennessInWorker'
import {
  betweennessScores,
  brokers,
  buildGraph,
  type NetworkConnection,
  type NetworkMember,
  networkStats,
  seriesDates,
} from '@/network/metrics'

const member = (
  id: string,
  joinedAt: string,
  region: string,
  profession: string,
  directoryVisible = true,
): NetworkMember => ({
  id,
  joinedAt: `${joinedAt}T09:00:00.000Z`,
  region,
  profession,
  directoryVisible,
})
const link = (from: string, to: string, acceptedAt: string): NetworkConnection => ({
  from,
  to,
  acceptedAt: `${acceptedAt}T12:00:00.000Z`,
})

// Three improvers in January, two more in February, one (never connected) in March.
const members = [
  member('a', '2026-01-01', 'london', 'nurse'),
  member('b', '2026-01-01', 'london', 'doctor'),
  member('c', '2026-01-01', 'wales', 'nurse'),
  member('d', '2026-02-01', 'wales', 'nurse'),
  member('e', '2026-02-01', 'scotland', 'doctor'),
  member('f', '2026-03-01', 'scotland', 'manager'),
]
const connections = [
  link('a', 'b', '2026-01-10'),
  link('b', 'c', '2026-01-20'),
  link('a', 'c', '2026-02-05'),
  link('c', 'a', '2026-02-06'), // the same pair the other way round: one connection
  link('d', 'e', '2026-02-10'),
  link('e', 'ghost', '2026-02-11'), // an unknown member: ignored
]
const statsAt = (at: string) => networkStats(buildGraph(members, connections, at), at)

describe('network statistics, computed by hand', () => {
  test('end of January: a path of three', () => {
    expect(statsAt('2026-01-31')).toEqual({
      at: '2026-01-31',
      members: 3,
      connections: 2,
      averageConnections: 1.3333, // 2 × 2 / 3
      medianConnections: 1, // degrees 1, 2, 1
      density: 0.6667, // 2 of 3 possible
      components: 1,
      largestComponentShare: 1,
      isolates: 0,
      crossRegionShare: 0.5, // b–c crosses London→Wales, a–b does not
      crossProfessionShare: 1, // nurse–doctor, doctor–nurse
    })
  })

  test('end of March: a triangle, a pair and an isolate', () => {
    expect(statsAt('2026-03-31')).toEqual({
      at: '2026-03-31',
      members: 6,
      connections: 4,
      averageConnections: 1.3333, // 2 × 4 / 6
      medianConnections: 1.5, // degrees 0, 1, 1, 2, 2, 2
      density: 0.2667, // 4 of 15 possible
      components: 3,
      largestComponentShare: 0.5, // the triangle: 3 of 6
      isolates: 1,
      crossRegionShare: 0.75, // b–c, a–c, d–e of 4
      crossProfessionShare: 0.75, // a–b, b–c, d–e of 4
    })
  })

  test('time travel: a connection accepted on the day counts, one accepted the day after does not', () => {
    expect(statsAt('2026-01-10').connections).toBe(1)
    expect(statsAt('2026-01-09').connections).toBe(0)
    expect(statsAt('2026-02-05').connections).toBe(3)
  })

  test('before anyone joined: all zeros, no division by zero', () => {
    expect(statsAt('2025-12-31')).toMatchObject({
      members: 0,
      connections: 0,
      averageConnections: 0,
      density: 0,
      largestComponentShare: 0,
      crossRegionShare: 0,
    })
  })
})

describe('series dates', () => {
  test('monthly keeps the day of the month where it exists', () => {
    expect(seriesDates('2026-01-31', '2026-04-30', 'month')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ])
  })
  test('weekly steps seven days and includes the last date', () => {
    expect(seriesDates('2026-01-01', '2026-01-29', 'week')).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-22',
      '2026-01-29',
    ])
  })
})

describe('brokers', () => {
  // p1 – p2 – p3 – p4: the two middle members carry every path between the ends.
  const path = [
    member('p1', '2026-01-01', 'wales', 'nurse'),
    member('p2', '2026-01-01', 'wales', 'nurse'),
    member('p3', '2026-01-01', 'wales', 'nurse', false),
    member('p4', '2026-01-01', 'wales', 'nurse'),
  ]
  const edges = [
    link('p1', 'p2', '2026-01-02'),
    link('p2', 'p3', '2026-01-02'),
    link('p3', 'p4', '2026-01-02'),
  ]

  test('ranks by betweenness and leaves out members who opted out of the directory', () => {
    const ranked = brokers(buildGraph(path, edges, '2026-01-31'), path, 10)
    expect(ranked.map((row) => row.id)).toEqual(['p2', 'p1', 'p4'])
    expect(ranked[0].betweenness).toBeGreaterThan(0)
    expect(ranked[1].betweenness).toBe(0)
    expect(ranked[0].connections).toBe(2)
  })
})

describe('betweennessInWorker', () => {
  test('computes on a worker thread exactly what betweennessScores computes here', async () => {
    // A deterministic ring with chords: 120 members, 300 connections.
    const members = Array.from({ length: 120 }, (_, i) =>
      member(`m${i}`, '2026-01-01', 'wales', 'nurse'),
    )
    const edges = Array.from({ length: 300 }, (_, i) =>
      link(`m${i % 120}`, `m${(i * 7 + 1 + Math.floor(i / 120)) % 120}`, '2026-01-02'),
    ).filter((edge) => edge.from !== edge.to)
    const graph = buildGraph(members, edges, '2026-01-31')
    const here = betweennessScores(graph)
    const there = await betweennessInWorker(graph)
    expect(Object.keys(there).sort()).toEqual(Object.keys(here).sort())
    for (const [id, score] of Object.entries(here)) expect(there[id]).toBeCloseTo(score, 10)
    expect(Math.max(...Object.values(there))).toBeGreaterThan(0)
  })
})
