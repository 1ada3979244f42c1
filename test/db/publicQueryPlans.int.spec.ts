/**
 * Public lists are read in index order. For each collection's public list (what an anonymous reader
 * gets: the access `Where`, the collection's default order) and the members directory, the SQL that
 * Payload sends for the page is planned by the database without sorting the table's rows: SQLite
 * uses the expected index and no temporary B-tree for ORDER BY; PostgreSQL (sequential scans and
 * sorts priced out, so the tiny test tables do not hide a missing index) scans the expected index
 * and sorts nothing by the order column. The schema is the migrated one (production mode applies
 * the committed migrations), so dropping an index from a collection or a migration fails here.
 * Also: a public list does not query once per document for what the documents share (bylines).
 */
import { handleEndpoints, type Payload } from 'payload'

import { createContent, createStaff } from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'
import { databaseKindUnderTest } from '../helpers/testDatabase'

type Statement = { sql: string; args: unknown[] }

type PublicList = {
  read: string
  /** The table the page is read from, the index it must be read through, and its first order column. */
  table: string
  index: string
  orderColumn: string
  /** Only rows with the same first order value are sorted (SQLite: a temp B-tree for the right part; PostgreSQL: an incremental sort). */
  tieBreakSorted?: boolean
}

const PUBLIC_LISTS: PublicList[] = [
  {
    read: '/api/blogs?limit=10',
    table: 'blogs',
    index: '_status_publishedAt_createdAt_idx',
    orderColumn: 'published_at',
  },
  {
    read: '/api/interviews?limit=10',
    table: 'interviews',
    index: '_status_publishedAt_createdAt_1_idx',
    orderColumn: 'published_at',
  },
  {
    read: '/api/evaluation-reports?limit=10',
    table: 'evaluation_reports',
    index: '_status_publishedDate_createdAt_idx',
    orderColumn: 'published_date',
  },
  {
    read: '/api/lab-themes?limit=10',
    table: 'lab_themes',
    index: 'year_createdAt_idx',
    orderColumn: 'year',
  },
  // Ascending by start with Payload's descending createdAt tie-break: no single index order fits both.
  {
    read: '/api/events?limit=10',
    table: 'events',
    index: 'events_starts_at_idx',
    orderColumn: 'starts_at',
    tieBreakSorted: true,
  },
  {
    read: '/api/media?limit=10',
    table: 'media',
    index: 'usedByPublished_createdAt_idx',
    orderColumn: 'created_at',
  },
  {
    read: '/api/members?limit=10',
    table: 'members',
    index: 'directoryVisible_createdAt_idx',
    orderColumn: 'created_at',
  },
  // By name, ties by Payload's descending createdAt.
  {
    read: '/api/members/directory',
    table: 'members',
    index: 'directoryVisible_name_idx',
    orderColumn: 'name',
    tieBreakSorted: true,
  },
  {
    read: '/api/comments?limit=10',
    table: 'comments',
    index: 'status_urgent_needsReview_createdAt_idx',
    orderColumn: 'urgent',
  }, // Feeds and the events calendar (src/frontends) read the same public lists.
  {
    read: '/api/feeds/blogs.xml',
    table: 'blogs',
    index: '_status_publishedAt_createdAt_idx',
    orderColumn: 'published_at',
  },
  {
    read: '/api/feeds/all.json',
    table: 'interviews',
    index: '_status_publishedAt_createdAt_1_idx',
    orderColumn: 'published_at',
  },
  {
    read: '/api/feeds/evaluation-reports.atom',
    table: 'evaluation_reports',
    index: '_status_publishedDate_createdAt_idx',
    orderColumn: 'published_date',
  },
  {
    read: '/api/events.ics',
    table: 'events',
    index: 'events_starts_at_idx',
    orderColumn: 'starts_at',
    tieBreakSorted: true,
  },
]

type Execute = (statement: Statement) => Promise<unknown>
type LibsqlClient = {
  execute: (
    statement: string | { sql: string; args?: unknown[] },
  ) => Promise<{ rows: Record<string, unknown>[] }>
}
type PgQueryable = {
  query: (
    config: string | { text: string },
    values?: unknown[],
  ) => Promise<{ rows: Record<string, unknown>[] }>
}
type PgPool = PgQueryable & { connect: () => Promise<PgQueryable & { release: () => void }> }

const kind = databaseKindUnderTest()
let payload: Payload
let recorded: Statement[] = []
let explain: (statement: Statement) => Promise<string[]>

/** Records every statement Payload sends from now on, by wrapping the database client it uses. */
const recordStatements = (db: Payload['db']): Execute => {
  if (kind === 'sqlite') {
    const client = (db as unknown as { client: LibsqlClient }).client
    const execute = client.execute.bind(client)
    client.execute = (statement) => {
      recorded.push(
        typeof statement === 'string'
          ? { sql: statement, args: [] }
          : { sql: statement.sql, args: statement.args ?? [] },
      )
      return execute(statement)
    }
    return ({ sql, args }) => execute({ sql, args })
  }
  const pool = (db as unknown as { pool: PgPool }).pool
  const query = pool.query.bind(pool)
  pool.query = (config, values) => {
    recorded.push({ sql: typeof config === 'string' ? config : config.text, args: values ?? [] })
    return query(config, values)
  }
  return ({ sql, args }) => query(sql, args)
}

/** SQLite: the top-level lines of EXPLAIN QUERY PLAN (subqueries, such as the hasMany tables, aside). */
const explainSqlite = (execute: Execute) => async (statement: Statement) => {
  const { rows } = (await execute({
    sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
    args: statement.args,
  })) as { rows: { parent: number; detail: string }[] }
  return rows.filter((row) => Number(row.parent) === 0).map((row) => String(row.detail))
}

type PgPlanNode = {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Sort Key'?: string[]
  'Presorted Key'?: string[]
  Plans?: PgPlanNode[]
}

/** PostgreSQL: one line per plan node, "Node Type on relation using index [sort keys]". */
const explainPostgres = (pool: PgPool) => async (statement: Statement) => {
  const client = await pool.connect()
  try {
    await client.query('SET enable_seqscan = off')
    await client.query('SET enable_sort = off')
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.args)
    const plan = (rows[0]['QUERY PLAN'] as { Plan: PgPlanNode }[])[0].Plan
    const lines: string[] = []
    const walk = (node: PgPlanNode) => {
      lines.push(
        [
          node['Node Type'],
          node['Relation Name'] && `on ${node['Relation Name']}`,
          node['Index Name'] && `using ${node['Index Name']}`,
          node['Sort Key'] && `by ${node['Sort Key'].join(', ')}`,
          node['Presorted Key'] && `presorted ${node['Presorted Key'].join(', ')}`,
        ]
          .filter(Boolean)
          .join(' '),
      )
      for (const child of node.Plans ?? []) walk(child)
    }
    walk(plan)
    return lines
  } finally {
    await client.query('RESET ALL')
    client.release()
  }
}

beforeAll(async () => {
  // Production mode: the committed migrations build the schema, as on a real server (no schema push).
  const nodeEnv = process.env.NODE_ENV
  Object.assign(process.env, { NODE_ENV: 'production' })
  try {
    payload = await startPayload('query-plans')
  } finally {
    Object.assign(process.env, { NODE_ENV: nodeEnv })
  }
  const execute = recordStatements(payload.db)
  explain =
    kind === 'sqlite'
      ? explainSqlite(execute)
      : explainPostgres((payload.db as unknown as { pool: PgPool }).pool)
})

afterAll(() => stopPayload(payload))

/** The statement that reads the page: from the list's table, ordered and limited (not the count). */
const pageQuery = (statements: Statement[], table: string) => {
  const page = statements.find(
    (statement) =>
      new RegExp(`from "${table}"`, 'i').test(statement.sql) &&
      /order by/i.test(statement.sql) &&
      /limit/i.test(statement.sql),
  )
  if (!page)
    throw new Error(
      `no page query on ${table} among:\n${statements.map((statement) => statement.sql).join('\n')}`,
    )
  return page
}

describe(`public lists are read in index order (${kind})`, () => {
  test.each(PUBLIC_LISTS)(
    '$read reads $table through $index',
    async ({ read, table, index, orderColumn, tieBreakSorted }) => {
      recorded = []
      const response = await handleEndpoints({
        config: payload.config,
        request: new Request(`http://localhost${read}`),
      })
      expect(response.status).toBe(200)
      const plan = await explain(pageQuery(recorded, table))

      if (kind === 'sqlite') {
        expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY')
        if (!tieBreakSorted)
          expect(plan).not.toContain('USE TEMP B-TREE FOR RIGHT PART OF ORDER BY')
        expect(
          plan.some((line) =>
            new RegExp(`^(SEARCH|SCAN) ${table} USING (COVERING )?INDEX ${index}\\b`).test(line),
          ),
        ).toBe(true)
      } else {
        expect(
          plan.some((line) =>
            new RegExp(`^Index (Only )?Scan( Backward)? on ${table} using ${index}$`).test(line),
          ),
        ).toBe(true)
        const sortsByOrder = plan.filter(
          (line) => /^Sort\b/.test(line) && line.includes(orderColumn),
        )
        expect(sortsByOrder).toEqual([])
        if (!tieBreakSorted)
          expect(
            plan.filter((line) => /^Incremental Sort\b/.test(line) && line.includes(orderColumn)),
          ).toEqual([])
      }
    },
  )
})

describe('a public list asks for what its documents share once', () => {
  test('ten posts by one staff author: their byline is looked up once, not once per post', async () => {
    const author = await createStaff(payload, 'editor')
    for (let i = 0; i < 10; i++)
      await createContent(payload, 'blogs', {
        data: { author: { relationTo: 'users', value: author.id } },
      })
    recorded = []
    const response = await handleEndpoints({
      config: payload.config,
      request: new Request('http://localhost/api/blogs?limit=10&depth=0'),
    })
    const { docs } = (await response.json()) as { docs: { authorName: string | null }[] }
    expect(docs.map((doc) => doc.authorName)).toEqual(Array(10).fill(author.name))
    expect(recorded.filter((statement) => /from "users"/i.test(statement.sql))).toHaveLength(1)
  })

  test('a feed looks up its bylines and files in one query each, whatever the number of items', async () => {
    for (let i = 0; i < 3; i++) {
      const author = await createStaff(payload, 'editor')
      await createContent(payload, 'blogs', {
        data: { author: { relationTo: 'users', value: author.id } },
      })
    }
    recorded = []
    const response = await handleEndpoints({
      config: payload.config,
      request: new Request('http://localhost/api/feeds/all.xml'),
    })
    expect(response.status).toBe(200)
    for (const table of ['users', 'members', 'media'])
      expect(
        recorded.filter((statement) => new RegExp(`from "${table}"`, 'i').test(statement.sql))
          .length,
      ).toBeLessThanOrEqual(1)
  })
})
