import { OTHER } from './constants'

export type GroupedMember = { id: string; region: string | null; profession: string | null }

/** A member's published region and profession after generalisation. */
export type Generalised = { region: string; profession: string }

export type KAnonymityReport = {
  /** Members kept, by id, with the region and profession to publish. */
  kept: Map<string, Generalised>
  /** Ids of members left out because even their widest group stayed smaller than k. */
  suppressed: Set<string>
  counts: {
    /** Members whose profession became "Other". */
    professionGeneralised: number
    /** Members whose region became "Other" too. */
    regionGeneralised: number
    suppressed: number
  }
}

const keyOf = (group: Generalised) => JSON.stringify([group.region, group.profession])

/** The members whose current group (region × profession) has fewer than k members. */
const inSmallGroups = (groups: Map<string, Generalised>, k: number): Set<string> => {
  const sizes = new Map<string, number>()
  for (const group of groups.values()) sizes.set(keyOf(group), (sizes.get(keyOf(group)) ?? 0) + 1)
  const small = new Set<string>()
  for (const [id, group] of groups) if ((sizes.get(keyOf(group)) ?? 0) < k) small.add(id)
  return small
}

/**
 * k-anonymity over region × profession: every published group has at least `k` members. Members in
 * a smaller group first have their profession published as "Other" (within their region); those
 * still in a group smaller than k then have their region published as "Other" too; whoever is
 * still in a group smaller than k (the "Other × Other" group itself) is suppressed. A missing
 * region or profession counts as "Other" from the start. Pure; order of the input does not matter.
 */
export const kAnonymise = (members: readonly GroupedMember[], k: number): KAnonymityReport => {
  const groups = new Map<string, Generalised>()
  for (const member of members)
    groups.set(member.id, {
      region: member.region || OTHER,
      profession: member.profession || OTHER,
    })
  let professionGeneralised = 0
  for (const id of inSmallGroups(groups, k)) {
    const group = groups.get(id) as Generalised
    if (group.profession !== OTHER) professionGeneralised++
    group.profession = OTHER
  }
  let regionGeneralised = 0
  for (const id of inSmallGroups(groups, k)) {
    const group = groups.get(id) as Generalised
    if (group.region !== OTHER) regionGeneralised++
    group.region = OTHER
  }
  const suppressed = inSmallGroups(groups, k)
  for (const id of suppressed) groups.delete(id)
  return {
    kept: groups,
    suppressed,
    counts: { professionGeneralised, regionGeneralised, suppressed: suppressed.size },
  }
}

/** How precisely a group's join dates are published. */
export type JoinedPrecision = 'month' | 'year' | 'withheld'

/**
 * The join date to publish for each kept member, so that region × profession × joined still has at
 * least `k` members in every published combination (the public directory shows when listed members
 * joined: a join month that splits a group would single people out again). Each region ×
 * profession group is published at one precision for all its members: the month when every month
 * present has at least k of them, else the year when every year does, else withheld (""). Pure.
 */
export const generaliseJoined = (
  kept: ReadonlyMap<string, Generalised>,
  joinedMonth: ReadonlyMap<string, string>,
  k: number,
): { joined: Map<string, string>; precision: Record<JoinedPrecision, number> } => {
  const byGroup = new Map<string, string[]>()
  for (const [id, group] of kept) {
    const key = keyOf(group)
    const ids = byGroup.get(key)
    if (ids) ids.push(id)
    else byGroup.set(key, [id])
  }
  const everyBucketHasK = (ids: string[], bucketOf: (id: string) => string) => {
    const sizes = new Map<string, number>()
    for (const id of ids) sizes.set(bucketOf(id), (sizes.get(bucketOf(id)) ?? 0) + 1)
    return [...sizes.values()].every((size) => size >= k)
  }
  const monthOf = (id: string) => joinedMonth.get(id) ?? ''
  const yearOf = (id: string) => monthOf(id).slice(0, 4)
  const joined = new Map<string, string>()
  const precision: Record<JoinedPrecision, number> = { month: 0, year: 0, withheld: 0 }
  for (const ids of byGroup.values()) {
    const [level, publish]: [JoinedPrecision, (id: string) => string] = everyBucketHasK(
      ids,
      monthOf,
    )
      ? ['month', monthOf]
      : everyBucketHasK(ids, yearOf)
        ? ['year', yearOf]
        : ['withheld', () => '']
    for (const id of ids) joined.set(id, publish(id))
    precision[level] += ids.length
  }
  return { joined, precision }
}
