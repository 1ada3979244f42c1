import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { jsonBodyProblem, jsonDepth } from '@/http/json'
import { type QueryContext, queryProblem } from '@/http/queryGuard'

const field = (name: string, type: string, extra: Record<string, unknown> = {}) =>
  ({ name, type, ...extra }) as unknown as FlattenedField
const collection = (slug: string, fields: FlattenedField[], versions = false) =>
  ({ slug, flattenedFields: fields, versions }) as unknown as SanitizedCollectionConfig

const media = collection('media', [field('alt', 'text'), field('createdAt', 'date')])
const blogs = collection('blogs', [
  field('title', 'text'),
  field('views', 'number'),
  field('publishedAt', 'date'),
  field('featured', 'checkbox'),
  field('location', 'point'),
  field('_status', 'select'),
  field('heroImage', 'upload', { relationTo: 'media' }),
  field('seo', 'group', { flattenedFields: [field('description', 'text')] }),
  field('createdAt', 'date'),
])
const context: QueryContext = {
  collection: blogs,
  collectionBySlug: (slug) => (slug === 'media' ? media : undefined),
  idType: 'number',
}

describe('where, sort, select and data are checked before Payload sees them', () => {
  test.each([
    [{ where: { title: { equals: 'x' } } }],
    [{ where: { or: [{ title: { like: 'x' } }, { views: { greater_than: '3' } }] } }],
    [{ where: { and: { 0: { publishedAt: { less_than: '2027-01-01' } } } } }],
    [{ where: { location: { near: '0,0,1000' } } }],
    [{ where: { 'heroImage.alt': { equals: 'x' } } }],
    [{ where: { id: { in: '1,2,3' } } }],
    [{ where: { featured: { exists: 'true' } } }],
    [{ where: '{"title":{"equals":"x"}}' }],
    [{ sort: '-publishedAt,title' }],
    [{ sort: ['seo.description'] }],
    [{ select: { title: 'true', seo: { description: 'true' } } }],
    [{ limit: 'junk', depth: '99' }],
  ])('%j passes', (query) => {
    expect(queryProblem(context, query)).toBeUndefined()
  })

  test.each([
    [{ where: { title: { intersects: 'x' } } }, 'where', /point/],
    [{ where: { _status: { near: 'x' } } }, 'where', /point/],
    [{ where: 'abc' }, 'where', /JSON/],
    [{ where: { title: 'x' } }, 'where', /operator/],
    [{ where: { title: { equals: { a: 'b' } } } }, 'where', /single value/],
    [{ where: { title: { bogus: 'x' } } }, 'where', /unknown operator/],
    [{ where: { nonexistent: { equals: 'x' } } }, 'where', /not a field/],
    [{ where: { publishedAt: { greater_than: 'not-a-date' } } }, 'where', /date/],
    [{ where: { views: { equals: 'abc' } } }, 'where', /number/],
    [{ where: { id: { equals: 'abc' } } }, 'where', /id/],
    [{ where: { title: { in: [{ a: 1 }] } } }, 'where', /list/],
    [{ where: { or: 'x' } }, 'where', /list of conditions/],
    [{ where: `${'{"and":['.repeat(120)}{}${']}'.repeat(120)}` }, 'where', /JSON/],
    [{ sort: 'nonexistent' }, 'sort', /not a field/],
    [{ sort: { a: 'b' } }, 'sort', /field names/],
    [{ select: 'title' }, 'select', /name fields/],
    [{ select: { nonexistent: 'true' } }, 'select', /not a field/],
    [{ select: { title: 'maybe' } }, 'select', /true or false/],
    [{ data: '{broken' }, 'data', /JSON/],
  ])('%j → 400 naming %s', (query, field, message) => {
    const problem = queryProblem(context, query)
    expect(problem?.field).toBe(field)
    expect(problem?.message).toMatch(message)
  })
})

test('routes that only parse where and data (duplicate, custom) are checked for JSON only', () => {
  expect(queryProblem(context, { where: 'abc' }, { full: false })?.field).toBe('where')
  expect(
    queryProblem(
      context,
      { where: { nonexistent: { equals: 'x' } }, sort: 'nonexistent' },
      { full: false },
    ),
  ).toBeUndefined()
})

describe('JSON bodies', () => {
  test('depth is measured without recursion, even 100,000 levels deep', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000))
    expect(jsonDepth(deep)).toBeGreaterThan(100)
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3)
  })

  test.each([
    ['{"a":1}', undefined],
    ['{"a": "unterminated', /not valid JSON/],
    ['null', /JSON object/],
    ['[1]', /JSON object/],
    ['"text"', /JSON object/],
    [`{"a":${'['.repeat(200)}${']'.repeat(200)}}`, /deeper/],
  ])('%s', (text, expected) => {
    const problem = jsonBodyProblem(Buffer.from(text))
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toMatch(expected)
  })

  test('invalid UTF-8 is refused', () => {
    expect(jsonBodyProblem(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toMatch(
      /UTF-8/,
    )
  })
})
