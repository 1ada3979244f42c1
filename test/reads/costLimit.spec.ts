import { configToSchema } from '@payloadcms/graphql'
import { type GraphQLSchema, parse, specifiedRules, validate } from 'graphql'

import { COST_LIMIT_NAMES, costLimit, type CostLimits } from '@/graphql/costLimit'

let schema: GraphQLSchema

beforeAll(async () => {
  const { default: config } = await import('@payload-config')
  schema = configToSchema(await config).schema
})

const LIMITS: CostLimits = {
  maxRootFields: 20,
  maxDocuments: 1000,
  maxListSize: 100,
  relationshipListSize: 10,
  maxDepthArgument: 2,
}

/** The errors our rule reports (the standard rules run too, so a broken test query shows up). */
const check = (query: string, limits: Partial<CostLimits> = {}) =>
  validate(schema, parse(query), [...specifiedRules, costLimit({ ...LIMITS, ...limits })]).map(
    (error) => ({
      message: error.message,
      limit: error.extensions.limit,
      actual: error.extensions.actual,
    }),
  )

/** The documents a query is counted as reading: the smallest maxDocuments it passes under. */
const documentsOf = (query: string, variables?: Record<string, unknown>): number => {
  const errors = check(query, { maxDocuments: 0, variables })
  const counted = errors.find((error) => error.limit === COST_LIMIT_NAMES.documents)
  if (errors.some((error) => error.limit === undefined)) throw new Error(JSON.stringify(errors))
  return counted ? Number(counted.actual) : 0
}

const aliasList = (count: number, field: string, prefix = 'a') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}: ${field}`).join(' ')
const aliases = (count: number, field: string) => `{ ${aliasList(count, field)} }`

describe('GraphQL cost limit', () => {
  it('refuses 240 aliases of Blogs(limit: 100), naming both limits', () => {
    const errors = check(aliases(240, 'Blogs(limit: 100) { docs { title content } }'))
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ limit: COST_LIMIT_NAMES.rootFields, actual: 240 }),
        expect.objectContaining({ limit: COST_LIMIT_NAMES.documents, actual: 24_000 }),
      ]),
    )
    expect(errors.map((error) => error.message).join('\n')).toMatch(
      /240 root fields .* the limit is 20 per request \(GRAPHQL_MAX_ROOT_FIELDS\)/,
    )
  })

  it('refuses 240 aliases of Comments(limit: 0): limit 0 counts as the largest page', () => {
    const errors = check(aliases(240, 'Comments(limit: 0) { docs { body } }'))
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ limit: COST_LIMIT_NAMES.documents, actual: 24_000 }),
      ]),
    )
  })

  it('accepts the README query and counts its hero images', () => {
    const query =
      '{ Blogs(limit: 5) { docs { title slug authorName heroImage { alt sizes { card { url } } } } } }'
    expect(check(query)).toEqual([])
    expect(documentsOf(query)).toBe(5 + 5)
  })

  it('allows 20 root fields and refuses 21', () => {
    expect(check(aliases(20, 'Blogs(limit: 1) { docs { title } }'))).toEqual([])
    expect(check(aliases(21, 'Blogs(limit: 1) { docs { title } }'))).toEqual([
      expect.objectContaining({ limit: COST_LIMIT_NAMES.rootFields, actual: 21 }),
    ])
  })

  it('counts limit 0, a missing limit and pagination: false as the largest page', () => {
    expect(documentsOf('{ Comments(limit: 0) { docs { id } } }')).toBe(100)
    expect(documentsOf('{ Comments { docs { id } } }')).toBe(100)
    expect(documentsOf('{ Comments(limit: 5, pagination: false) { docs { id } } }')).toBe(100)
    expect(documentsOf('{ Comments(limit: 5000) { totalDocs } }')).toBe(5000)
  })

  it('reads limits from variables, their defaults, or else assumes the largest page', () => {
    const query = 'query ($n: Int) { Blogs(limit: $n) { docs { title } } }'
    expect(documentsOf(query, { n: 7 })).toBe(7)
    expect(documentsOf(query)).toBe(100)
    expect(documentsOf('query ($n: Int = 3) { Blogs(limit: $n) { docs { title } } }')).toBe(3)
  })

  it('multiplies nested relationships by the page they are in (blogs → heroImage, author → avatar)', () => {
    const query = `{ Blogs(limit: 10) { docs {
      heroImage { url }
      author { value { ... on Member { name avatar { url } } ... on User { name } } }
    } } }`
    // Per blog: the hero image, the author, the author's avatar.
    expect(documentsOf(query)).toBe(10 + 10 * 3)
    const deeper =
      '{ Comments(limit: 50) { docs { parent { parent { author { avatar { url } } } } } } }'
    expect(documentsOf(deeper)).toBe(50 + 50 * 4)
  })

  it('counts join fields by their limit inside each parent', () => {
    expect(
      documentsOf('{ Comments(limit: 10) { docs { history(limit: 20) { docs { reason } } } } }'),
    ).toBe(10 + 10 * 20)
    expect(documentsOf('{ Comments(limit: 10) { docs { history { totalDocs } } } }')).toBe(
      10 + 10 * 100,
    )
  })

  it('follows fragments every time they are spread, nested fragments included', () => {
    const query = `
      fragment Image on Media { url }
      fragment Card on Blog { title heroImage { ...Image } }
      fragment Page on Blogs { docs { ...Card ...Card } }
      { a: Blogs(limit: 30) { ...Page } b: Blogs(limit: 30) { ...Page } ...Root }
      fragment Root on Query { c: Blogs(limit: 30) { ...Page } }`
    // Three pages of 30 blogs, each blog's hero image counted for both spreads of Card.
    expect(documentsOf(query)).toBe(3 * (30 + 30 * 2))
    const spreadRoot = `{ ${aliasList(15, 'Blogs(limit: 1) { docs { title } }')} ...More } fragment More on Query { ${aliasList(6, 'Events(limit: 1) { docs { title } }', 'e')} }`
    expect(check(spreadRoot)).toEqual([
      expect.objectContaining({ limit: COST_LIMIT_NAMES.rootFields, actual: 21 }),
    ])
  })

  it('walks a fragment spread many times once (no exponential blow-up)', () => {
    const levels = 30
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === 0
        ? 'fragment F0 on Blog { heroImage { url } }'
        : `fragment F${level} on Blog { ...F${level - 1} ...F${level - 1} }`,
    ).join('\n')
    const errors = check(`{ Blogs(limit: 1) { docs { ...F${levels - 1} } } }\n${fragments}`)
    expect(errors).toEqual([
      expect.objectContaining({ limit: COST_LIMIT_NAMES.documents, actual: 1 + 2 ** (levels - 1) }),
    ])
  })

  it('refuses a rich-text depth beyond the limit', () => {
    expect(check('{ Blogs(limit: 1) { docs { content(depth: 2) } } }')).toEqual([])
    expect(check('{ Blogs(limit: 1) { docs { content(depth: 5) } } }')).toEqual([
      expect.objectContaining({
        limit: COST_LIMIT_NAMES.depth,
        message: 'depth must be at most 2 (API_MAX_DEPTH).',
      }),
    ])
  })

  it('does not loop on fragment cycles (the standard rule reports them)', () => {
    const errors = check(
      '{ Blogs(limit: 1) { ...A } } fragment A on Blogs { docs { title } ...B } fragment B on Blogs { ...A }',
    )
    expect(errors.some((error) => /Cannot spread fragment/.test(error.message))).toBe(true)
  })
})
