import { createClient } from '@libsql/client'
import pg from 'pg'

/**
 * Writes a largish random network straight into a migrated database (SQLite or PostgreSQL), in
 * multi-row inserts: thousands of members through the API would take minutes, and the figures only
 * need the rows. Members join in 2024 and 2025 (by 1 December 2025), connections are accepted in that time.
 */
export const seedLargeNetwork = async (
  databaseURL: string,
  size: { members: number; connections: number },
  seed = 42,
) => {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const day = () =>
    new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * 86_400_000).toISOString()
  const regions = ['london', 'wales', 'scotland', 'north-east']
  const professions = ['nurse', 'doctor', 'manager', 'researcher']
  const members = Array.from(
    { length: size.members },
    (_, index) =>
      `('Large ${index}', 'large-${index}@network.example.org', '${professions[index % professions.length]}', '${regions[(index * 7) % regions.length]}', '${day()}', true, true)`,
  )
  const execute = await executor(databaseURL)
  try {
    for (let start = 0; start < members.length; start += 500) {
      await execute(
        `INSERT INTO members (name, email, profession, region, joined_at, directory_visible, network_analysis) VALUES ${members.slice(start, start + 500).join(',')}`,
      )
    }
    const ids = (await execute('SELECT id FROM members ORDER BY id')).map((row) => Number(row.id))
    const pairs = new Set<string>()
    const connections: string[] = []
    while (connections.length < size.connections) {
      const a = ids[Math.floor(random() * ids.length)]
      const b = ids[Math.floor(random() * ids.length)]
      const key = a < b ? `${a}-${b}` : `${b}-${a}`
      if (a === b || pairs.has(key)) continue
      pairs.add(key)
      const at = day()
      connections.push(`(${a}, ${b}, 'accepted', '${at}', '${at}', 'import')`)
    }
    for (let start = 0; start < connections.length; start += 1000) {
      await execute(
        `INSERT INTO connections (from_id, to_id, status, requested_at, accepted_at, source) VALUES ${connections.slice(start, start + 1000).join(',')}`,
      )
    }
  } finally {
    await execute.close()
  }
}

type Execute = ((statement: string) => Promise<Record<string, unknown>[]>) & {
  close: () => Promise<void>
}

const executor = async (databaseURL: string): Promise<Execute> => {
  if (databaseURL.startsWith('file:')) {
    const client = createClient({ url: databaseURL })
    // The server may be writing (jobs, migrations) as the seed starts: wait for its lock.
    await client.execute('PRAGMA busy_timeout = 10000')
    return Object.assign(
      async (statement: string) =>
        (await client.execute(statement)).rows as unknown as Record<string, unknown>[],
      {
        close: async () => client.close(),
      },
    )
  }
  const client = new pg.Client({ connectionString: databaseURL })
  await client.connect()
  return Object.assign(
    async (statement: string) => (await client.query(statement)).rows as Record<string, unknown>[],
    { close: () => client.end() },
  )
}
