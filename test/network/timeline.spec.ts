/**
 * The one-sweep series against the graph-per-date computation it replaces: on random networks
 * (duplicate and reversed pairs, self loops, unknown members, connections accepted before a member
 * joined, unparseable dates, several events on one day) every figure at every date must be equal.
 */
import {
  buildGraph,
  type NetworkConnection,
  type NetworkMember,
  networkStats,
  seriesDates,
} from '@/network/metrics'
import { buildTimeline, runAtOnce, runInSlices, sweepStats } from '@/network/timeline'

// mulberry32: a small seeded PRNG, so a failure names a seed that reproduces it.
const prng = (seed: number) => {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const START = Date.UTC(2026, 0, 1)
const DAY = 86_400_000

const randomNetwork = (seed: number, size: { members: number; connections: number }) => {
  const random = prng(seed)
  const int = (below: number) => Math.floor(random() * below)
  const pick = <T>(values: readonly T[]) => values[int(values.length)]
  // Within 40 days, at any time of day, so several members join on one day and at the same instant.
  const instant = () =>
    random() < 0.03
      ? 'not a date'
      : new Date(START + int(40) * DAY + pick([0, 0, 3_600_000, DAY - 1])).toISOString()
  const members: NetworkMember[] = Array.from({ length: size.members }, (_, index) => ({
    id: `m${index}`,
    joinedAt: instant(),
    region: pick(['wales', 'scotland', 'london', null]),
    profession: pick(['nurse', 'doctor', null]),
    directoryVisible: random() > 0.1,
  }))
  const id = () => (random() < 0.05 ? `ghost${int(3)}` : `m${int(Math.max(size.members, 1))}`)
  const connections: NetworkConnection[] = []
  for (let i = 0; i < size.connections; i++) {
    const previous = connections.length > 0 && random() < 0.15 ? pick(connections) : null
    if (previous) {
      // The same pair again, either way round, earlier or later.
      connections.push(
        random() < 0.5
          ? { ...previous, acceptedAt: instant() }
          : { from: previous.to, to: previous.from, acceptedAt: instant() },
      )
    } else {
      const from = id()
      connections.push({ from, to: random() < 0.05 ? from : id(), acceptedAt: instant() })
    }
  }
  // Dates out of order and repeated, before the first member and after the last connection.
  const dates = Array.from({ length: 12 }, () =>
    new Date(START + (int(50) - 5) * DAY).toISOString().slice(0, 10),
  )
  return { members, connections, dates }
}

const expected = (members: NetworkMember[], connections: NetworkConnection[], dates: string[]) =>
  dates.map((at) => networkStats(buildGraph(members, connections, at), at))

describe('growth series in one sweep', () => {
  const cases = [
    ...Array.from({ length: 150 }, (_, seed) => ({
      seed,
      size: { members: seed % 30, connections: (seed * 7) % 90 },
    })),
    ...Array.from({ length: 4 }, (_, index) => ({
      seed: 1000 + index,
      size: { members: 400, connections: 3000 },
    })),
  ]

  test.each(cases)(
    'seed $seed ($size.members members, $size.connections connections): every figure equals networkStats(buildGraph)',
    ({ seed, size }) => {
      const { members, connections, dates } = randomNetwork(seed, size)
      const timeline = runAtOnce(buildTimeline(members, connections))
      expect(runAtOnce(sweepStats(timeline, dates))).toEqual(expected(members, connections, dates))
    },
  )

  test('a connection accepted before a member joined counts from the day they join', () => {
    const members: NetworkMember[] = [
      {
        id: 'a',
        joinedAt: '2026-01-01T09:00:00.000Z',
        region: 'wales',
        profession: 'nurse',
        directoryVisible: true,
      },
      {
        id: 'b',
        joinedAt: '2026-03-01T09:00:00.000Z',
        region: 'wales',
        profession: 'nurse',
        directoryVisible: true,
      },
    ]
    const connections: NetworkConnection[] = [
      { from: 'a', to: 'b', acceptedAt: '2026-01-15T00:00:00.000Z' },
    ]
    const timeline = runAtOnce(buildTimeline(members, connections))
    const series = runAtOnce(sweepStats(timeline, ['2026-02-28', '2026-03-01']))
    expect(series.map((point) => [point.members, point.connections])).toEqual([
      [1, 0],
      [2, 1],
    ])
    expect(series).toEqual(expected(members, connections, ['2026-02-28', '2026-03-01']))
  })

  test('on the server it runs in slices: the same figures', async () => {
    const { members, connections } = randomNetwork(7, { members: 1500, connections: 12_000 })
    const dates = seriesDates('2025-12-01', '2026-02-15', 'week')
    const series = await runInSlices(
      sweepStats(await runInSlices(buildTimeline(members, connections), 1), dates),
      1,
    )
    expect(series).toEqual(
      runAtOnce(sweepStats(runAtOnce(buildTimeline(members, connections)), dates)),
    )
    const last = dates[dates.length - 1]
    expect(series[series.length - 1]).toEqual(
      networkStats(buildGraph(members, connections, last), last),
    )
  })
})

describe('runInSlices', () => {
  test('lets a timer that fell due run before a long computation ends', async () => {
    const events: string[] = []
    function* busy() {
      // About 200 ms of work in 2 ms steps.
      for (let step = 0; step < 100; step++) {
        const until = performance.now() + 2
        while (performance.now() < until);
        yield
      }
      return 'done'
    }
    setTimeout(() => events.push('timer'), 0)
    events.push(await runInSlices(busy(), 20))
    expect(events).toEqual(['timer', 'done'])
  })
})
