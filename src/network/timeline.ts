import {
  endOfDay,
  type NetworkConnection,
  type NetworkMember,
  type NetworkStats,
  roundFigure,
} from './metrics'

/**
 * The network's history in the order it happened, prepared once per snapshot so that the figures
 * at any number of dates come from one sweep instead of one graph per date.
 *
 * It keeps exactly the meaning of `buildGraph`: a member counts from `joinedAt`; a connection counts
 * once it is accepted *and* both members have joined (an edge accepted before a member joined
 * appears when they join); self loops and unknown members are left out; a pair connected more than
 * once is one edge, from its earliest moment. Unparseable dates never count (as `NaN <= t` is false).
 */
export type Timeline = {
  /** Join times (ms), ascending; a member's index here is their index everywhere below. */
  memberTimes: Float64Array
  /** Region and profession as small integers: equal codes exactly when the values are equal. */
  memberRegion: Int32Array
  memberProfession: Int32Array
  /** Distinct pairs in the order they became edges: time (ms) and both members' indices. */
  edgeTimes: Float64Array
  edgeA: Int32Array
  edgeB: Int32Array
}

/**
 * A computation that yields now and then so its caller can let other work run in between: run it
 * at once (`runAtOnce`) in tests and scripts, in slices (`runInSlices`) on the server.
 */
export type Steps<T> = Generator<void, T, void>

/** Work units between two yields: small enough that a slice can stop within a millisecond or so. */
const STEP = 2048

export const runAtOnce = <T>(steps: Steps<T>): T => {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * Runs `steps` on the main thread without holding it for more than about `sliceMs` at a time:
 * after each slice it waits for the event loop to go round (I/O, timers, other requests) first.
 */
export const runInSlices = async <T>(steps: Steps<T>, sliceMs = 10): Promise<T> => {
  let sliceStart = performance.now()
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
}

/** Small integer codes for attribute values (null and undefined are values too). */
const codes = () => {
  const map = new Map<string | null | undefined, number>()
  return (value: string | null | undefined) => {
    let code = map.get(value)
    if (code === undefined) {
      code = map.size
      map.set(value, code)
    }
    return code
  }
}

/** Orders `count` items by `times` (ascending), as an index permutation. */
const orderBy = (times: Float64Array, count: number): Uint32Array => {
  const order = new Uint32Array(count)
  for (let i = 0; i < count; i++) order[i] = i
  return order.sort((a, b) => times[a] - times[b])
}

type TimedMembers = Pick<Timeline, 'memberTimes' | 'memberRegion' | 'memberProfession'> & {
  indexById: Map<string, number>
}

/** Members with a valid join date, ordered by it, their regions and professions coded as numbers. */
function* timedMembers(members: readonly NetworkMember[]): Steps<TimedMembers> {
  const rawTimes = new Float64Array(members.length)
  const kept: number[] = []
  const seen = new Set<string>()
  for (let i = 0; i < members.length; i++) {
    const time = new Date(members[i].joinedAt).getTime()
    // A repeated id would make `buildGraph` throw; ids come from the database and are unique.
    if (!Number.isNaN(time) && !seen.has(members[i].id)) {
      seen.add(members[i].id)
      rawTimes[kept.length] = time
      kept.push(i)
    }
    if (i % STEP === 0) yield
  }
  const memberOrder = orderBy(rawTimes, kept.length)
  yield
  const memberCount = kept.length
  const memberTimes = new Float64Array(memberCount)
  const memberRegion = new Int32Array(memberCount)
  const memberProfession = new Int32Array(memberCount)
  const indexById = new Map<string, number>()
  const region = codes()
  const profession = codes()
  for (let index = 0; index < memberCount; index++) {
    const member = members[kept[memberOrder[index]]]
    memberTimes[index] = rawTimes[memberOrder[index]]
    memberRegion[index] = region(member.region)
    memberProfession[index] = profession(member.profession)
    indexById.set(member.id, index)
    if (index % STEP === 0) yield
  }
  return { memberTimes, memberRegion, memberProfession, indexById }
}

/** Each pair of members once (keyed `low * memberCount + high`), at the moment it becomes an edge. */
function* firstConnectionTimes(
  connections: readonly NetworkConnection[],
  { indexById, memberTimes }: TimedMembers,
): Steps<Map<number, number>> {
  const memberCount = memberTimes.length
  const firstTime = new Map<number, number>()
  for (let i = 0; i < connections.length; i++) {
    const connection = connections[i]
    const from = indexById.get(connection.from)
    const to = indexById.get(connection.to)
    if (from !== undefined && to !== undefined && from !== to) {
      const accepted = new Date(connection.acceptedAt).getTime()
      if (!Number.isNaN(accepted)) {
        const low = Math.min(from, to)
        const high = Math.max(from, to)
        const time = Math.max(accepted, memberTimes[low], memberTimes[high])
        const key = low * memberCount + high
        const earlier = firstTime.get(key)
        if (earlier === undefined || time < earlier) firstTime.set(key, time)
      }
    }
    if (i % STEP === 0) yield
  }
  return firstTime
}

/** The edges ordered by the time they appear, each as its two members' indexes. */
function* edgesInTimeOrder(
  firstTime: Map<number, number>,
  memberCount: number,
): Steps<Pick<Timeline, 'edgeTimes' | 'edgeA' | 'edgeB'>> {
  const edgeCount = firstTime.size
  const rawEdgeTimes = new Float64Array(edgeCount)
  const rawKeys = new Float64Array(edgeCount)
  let e = 0
  for (const [key, time] of firstTime) {
    rawKeys[e] = key
    rawEdgeTimes[e++] = time
    if (e % STEP === 0) yield
  }
  const edgeOrder = orderBy(rawEdgeTimes, edgeCount)
  yield
  const edgeTimes = new Float64Array(edgeCount)
  const edgeA = new Int32Array(edgeCount)
  const edgeB = new Int32Array(edgeCount)
  for (let index = 0; index < edgeCount; index++) {
    const key = rawKeys[edgeOrder[index]]
    edgeTimes[index] = rawEdgeTimes[edgeOrder[index]]
    edgeA[index] = Math.floor(key / memberCount)
    edgeB[index] = key % memberCount
    if (index % STEP === 0) yield
  }
  return { edgeTimes, edgeA, edgeB }
}

/** The members and connections as a timeline (see `Timeline`), built in steps that yield to the event loop. */
export function* buildTimeline(
  members: readonly NetworkMember[],
  connections: readonly NetworkConnection[],
): Steps<Timeline> {
  const timed = yield* timedMembers(members)
  const firstTime = yield* firstConnectionTimes(connections, timed)
  const edges = yield* edgesInTimeOrder(firstTime, timed.memberTimes.length)
  return {
    memberTimes: timed.memberTimes,
    memberRegion: timed.memberRegion,
    memberProfession: timed.memberProfession,
    ...edges,
  }
}

/**
 * The figures of `networkStats(buildGraph(members, connections, at), at)` for every date in
 * `dates`, from one pass over the timeline: members and edges are added in time order, degrees are
 * kept in a histogram (isolates and the median read from it), components in a union-find with
 * sizes, and everything else in running totals. Results come in the order of `dates`.
 */
export function* sweepStats(timeline: Timeline, dates: readonly string[]): Steps<NetworkStats[]> {
  const { memberTimes, memberRegion, memberProfession, edgeTimes, edgeA, edgeB } = timeline
  const memberCount = memberTimes.length
  const degree = new Int32Array(memberCount)
  // degreeCount[d]: members with d connections (a member has at most memberCount - 1).
  const degreeCount = new Int32Array(memberCount + 1)
  const parent = new Int32Array(memberCount)
  const componentSize = new Int32Array(memberCount)
  const root = (node: number) => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]]
      node = parent[node]
    }
    return node
  }

  let members = 0
  let edges = 0
  let components = 0
  let largest = 0
  let maxDegree = 0
  let crossRegion = 0
  let crossProfession = 0
  let nextEdge = 0

  const addDegree = (node: number) => {
    degreeCount[degree[node]]--
    degree[node]++
    degreeCount[degree[node]]++
    if (degree[node] > maxDegree) maxDegree = degree[node]
  }

  /** The k-th smallest degree (0-based), read from the histogram. */
  const kthDegree = (k: number) => {
    let below = 0
    for (let d = 0; d <= maxDegree; d++) {
      below += degreeCount[d]
      if (below > k) return d
    }
    return maxDegree
  }

  const order = dates
    .map((at, index) => ({ at, index, until: endOfDay(at) }))
    .sort((a, b) => a.until - b.until)
  const results: NetworkStats[] = new Array(dates.length)
  for (const point of order) {
    // NaN (an invalid date) adds nothing, as `buildGraph` would include nothing.
    while (members < memberCount && memberTimes[members] <= point.until) {
      parent[members] = members
      componentSize[members] = 1
      degreeCount[0]++
      components++
      if (largest === 0) largest = 1
      members++
      if (members % STEP === 0) yield
    }
    while (nextEdge < edgeTimes.length && edgeTimes[nextEdge] <= point.until) {
      const a = edgeA[nextEdge]
      const b = edgeB[nextEdge]
      addDegree(a)
      addDegree(b)
      if (memberRegion[a] !== memberRegion[b]) crossRegion++
      if (memberProfession[a] !== memberProfession[b]) crossProfession++
      let rootA = root(a)
      let rootB = root(b)
      if (rootA !== rootB) {
        if (componentSize[rootA] < componentSize[rootB]) [rootA, rootB] = [rootB, rootA]
        parent[rootB] = rootA
        componentSize[rootA] += componentSize[rootB]
        if (componentSize[rootA] > largest) largest = componentSize[rootA]
        components--
      }
      edges++
      nextEdge++
      if (nextEdge % STEP === 0) yield
    }
    const middle = Math.floor(members / 2)
    results[point.index] = {
      at: point.at,
      members,
      connections: edges,
      averageConnections: members === 0 ? 0 : roundFigure((2 * edges) / members),
      medianConnections:
        members === 0
          ? 0
          : members % 2 === 1
            ? kthDegree(middle)
            : (kthDegree(middle - 1) + kthDegree(middle)) / 2,
      // The same expression as graphology's undirected density, so the rounding agrees to the bit.
      density: members < 2 ? 0 : roundFigure((2 * edges) / (members * (members - 1))),
      components,
      largestComponentShare: members === 0 ? 0 : roundFigure(largest / members),
      isolates: degreeCount[0],
      crossRegionShare: edges === 0 ? 0 : roundFigure(crossRegion / edges),
      crossProfessionShare: edges === 0 ? 0 : roundFigure(crossProfession / edges),
    }
    yield
  }
  return results
}
