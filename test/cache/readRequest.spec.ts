import {
  cacheableGetPath,
  chooseEncoding,
  etagFor,
  isAnonymous,
  isGraphQLQuery,
  matchesIfNoneMatch,
  type ReadRoutes,
} from '@/cache/readRequest'

const routes: ReadRoutes = {
  collections: new Set(['blogs', 'members', 'comments', 'media']),
  globals: new Set(['comment-policy']),
  publicEndpoints: new Set(['/comments/thread', '/members/directory', '/network/stats']),
  collectionEndpoints: new Map([
    ['members', new Set(['/directory', '/confirm-email'])],
    ['comments', new Set(['/thread', '/stats'])],
  ]),
}

describe('isAnonymous', () => {
  test.each([
    [{}, true],
    [{ cookie: 'theme=dark; _ga=GA1.2' }, true],
    [{ authorization: 'JWT abc' }, false],
    [{ authorization: 'users API-Key 123' }, false],
    [{ cookie: 'payload-token=abc' }, false],
    [{ cookie: 'theme=dark; payload-token=abc' }, false],
    [{ cookie: 'payload-token =abc' }, false],
    [{ cookie: 'a=1;payload-token=abc' }, false],
    [{ cookie: 'next-auth.csrf-token=abc' }, true],
    [{ cookie: 'payload-token-old=abc' }, true],
  ])('%j → %s', (headers, expected) => {
    expect(isAnonymous(headers)).toBe(expected)
  })
})

describe('cacheableGetPath', () => {
  test.each([
    ['/blogs', 'list'],
    ['/blogs/12', 'document'],
    ['/blogs/64f1c0ffee', 'document'],
    ['/globals/comment-policy', 'global'],
    ['/comments/thread', 'endpoint'],
    ['/members/directory', 'endpoint'],
    ['/network/stats', 'endpoint'],
    ['/graphql', 'graphql'],
    // Describe the caller, have effects, or are not reads of one document.
    ['/members/me', null],
    ['/users/init', null],
    ['/blogs/versions', null],
    ['/blogs/versions/3', null],
    ['/media/file/photo.jpg', null],
    ['/members/confirm-email', null],
    ['/comments/stats', null],
    ['/globals/unknown', null],
    ['/globals/comment-policy/versions', null],
    ['/unknown', null],
    ['/unknown/1', null],
    ['/blogs/1/extra', null],
    ['/blogs/', null],
    ['/access', null],
  ])('%s → %s', (path, expected) => {
    expect(cacheableGetPath(path, routes)).toBe(expected)
  })
})

describe('isGraphQLQuery', () => {
  test.each([
    ['{ Blogs { docs { id } } }', undefined, true],
    ['query List { Blogs { docs { id } } }', undefined, true],
    ['query A { Blogs { docs { id } } } query B { Events { docs { id } } }', 'B', true],
    // Ambiguous without an operation name: GraphQL would refuse it, the cache does not keep it.
    ['query A { Blogs { docs { id } } } query B { Events { docs { id } } }', undefined, false],
    ['query A { Blogs { docs { id } } } mutation B { logoutUser }', 'B', false],
    ['mutation { logoutUser }', undefined, false],
    ['subscription { x }', undefined, false],
    ['{ Blogs { docs { id }', undefined, false],
    ['', undefined, false],
    [42, undefined, false],
  ])('%s (%s) → %s', (query, operationName, expected) => {
    expect(isGraphQLQuery(query, operationName)).toBe(expected)
  })
})

describe('chooseEncoding', () => {
  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['GZIP', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('chooseEncoding among the copies ready', () => {
  test.each([
    ['gzip, br', ['identity'], 'identity'],
    ['gzip, br', ['gzip', 'identity'], 'gzip'],
    ['br', ['gzip', 'identity'], 'identity'],
    ['gzip, br', ['br', 'gzip', 'identity'], 'br'],
  ] as const)('%s with %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected)
  })
})

describe('ETags', () => {
  test('differ per encoding and all match the same content', () => {
    const tags = [etagFor('abc', 'identity'), etagFor('abc', 'gzip'), etagFor('abc', 'br')]
    expect(new Set(tags).size).toBe(3)
    for (const tag of tags) expect(matchesIfNoneMatch(tag, 'abc')).toBe(true)
    expect(matchesIfNoneMatch(`"other", ${etagFor('abc', 'br')}`, 'abc')).toBe(true)
    expect(matchesIfNoneMatch('W/"abc"', 'abc')).toBe(true)
    expect(matchesIfNoneMatch('*', 'abc')).toBe(true)
    expect(matchesIfNoneMatch('"abcd"', 'abc')).toBe(false)
    expect(matchesIfNoneMatch(undefined, 'abc')).toBe(false)
  })
})
