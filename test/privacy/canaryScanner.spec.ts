/**
 * The crawler's own parts: a scanner that misses an escaped marker, or a query builder that selects
 * less than the schema exposes, would let a leak through unseen.
 */
import { buildSchema } from 'graphql'

import { type Actor, graphQLReads, LeakScanner, type Marker, mayRead } from '../helpers/canary'

const email: Marker = {
  purpose: 'email',
  value: 'canary-email-1a2b@example.org',
  level: 'staff',
  owner: 'alice',
}
const bio: Marker = { purpose: 'bio', value: 'canary-bio-3c4d', level: 'members', owner: 'carol' }
const hash: Marker = {
  purpose: 'hash',
  value: 'deadbeefdeadbeefdeadbeef',
  level: 'never',
  owner: 'alice',
}
const anonymous: Actor = { name: 'anonymous', level: 'public' }
const member: Actor = { name: 'member', level: 'members', identity: 'bob' }
const alice: Actor = { name: 'alice', level: 'members', identity: 'alice' }
const staff: Actor = { name: 'staff', level: 'staff' }

describe('who may read a marker', () => {
  test.each(
    [
      [anonymous, bio, false],
      [member, bio, true],
      [member, email, false],
      [alice, email, true],
      [staff, email, true],
      [staff, hash, false],
      [alice, hash, true],
    ].map(([actor, marker, expected]) => ({
      actor: actor as Actor,
      marker: marker as Marker,
      expected: expected as boolean,
    })),
  )(
    '$actor.name reading $marker.purpose ($marker.level, owned by $marker.owner): $expected',
    ({ actor, marker, expected }) => {
      expect(mayRead(actor, marker)).toBe(expected)
    },
  )
})

describe('the scanner', () => {
  test.each([
    ['as sent', `{"email":"${email.value}"}`],
    ['in upper case', email.value.toUpperCase()],
    ['URL-encoded', `/x?q=${encodeURIComponent(email.value)}`],
    ['JSON unicode escapes', JSON.stringify(email.value).replace('@', '\\u0040')],
  ])('finds a marker %s', (_how, text) => {
    const scanner = new LeakScanner(() => [email])
    scanner.scan(anonymous, 'GET /somewhere', text)
    expect(scanner.report()).toBe(`email (${email.value}) seen by anonymous at GET /somewhere`)
  })

  test('lets the owner and the audience read, and nobody read a secret', () => {
    const scanner = new LeakScanner(() => [email, bio, hash])
    const text = `${email.value} ${bio.value}`
    scanner.scan(alice, 'own', text)
    scanner.scan(staff, 'staff', `${text} ${hash.value}`)
    expect(scanner.leaks.map((leak) => `${leak.purpose}@${leak.where}`)).toEqual(['hash@staff'])
  })
})

describe('GraphQL reads', () => {
  const schema = buildSchema(`
    type Blog { id: Int title: String _status: BlogStatus }
    enum BlogStatus { draft published }
    type Interview { id: Int _status: String }
    union Target = Blog | Interview
    type Member { id: Int name: String email: String }
    type Comment { id: Int body: String target: Target author: Member }
    type Comments { docs: [Comment] totalDocs: Int hasNextPage: Boolean }
    type Query { Comments(limit: Int, draft: Boolean): Comments Comment(id: Int!): Comment meMember: Member }
  `)

  test('every read without required arguments, every field selected, union fields aliased by type', () => {
    const reads = graphQLReads(schema)
    expect(reads.map((read) => read.name)).toEqual(['Comments', 'meMember'])
    const comments = reads[0]
    expect(comments.paginated).toBe(true)
    expect(comments.args).toEqual(['limit', 'draft'])
    expect(comments.selection(2)).toBe(
      '{ docs { id body target { __typename ... on Blog { Blog_id: id Blog_title: title Blog__status: _status } ... on Interview { Interview_id: id Interview__status: _status } } author { id name email } } totalDocs hasNextPage }',
    )
    expect(comments.selection(1)).toBe(
      '{ docs { id body target { __typename ... on Blog { Blog_id: id } ... on Interview { Interview_id: id } } author { id } } totalDocs hasNextPage }',
    )
  })
})
