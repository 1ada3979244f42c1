/** Validators of generated documents: strong ETag, Last-Modified, 304s, and private answers for logins. */
import { notModifiedSince } from '@/cache/readRequest'
import { newestDate, representationResponse } from '@/frontends/representation'

const document = {
  body: '<rss/>',
  contentType: 'application/rss+xml; charset=utf-8',
  lastModified: new Date('2026-11-20T10:00:00.500Z'),
}
const request = (headers: Record<string, string> = {}, user: { id: number } | null = null) => ({
  headers: new Headers(headers),
  // Only whether there is a user matters here.
  user: user as Parameters<typeof representationResponse>[0]['user'],
})

describe('representationResponse', () => {
  it('answers 200 with ETag, Last-Modified and a public Cache-Control', async () => {
    const response = representationResponse(request(), document)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{43}"$/)
    expect(response.headers.get('last-modified')).toBe('Fri, 20 Nov 2026 10:00:00 GMT')
    expect(response.headers.get('cache-control')).toMatch(/^public/)
    expect(await response.text()).toBe('<rss/>')
  })

  it('answers 304 to a matching If-None-Match only (Last-Modified is the newest item, not the body)', () => {
    const etag = representationResponse(request(), document).headers.get('etag') as string
    expect(representationResponse(request({ 'if-none-match': etag }), document).status).toBe(304)
    expect(representationResponse(request({ 'if-none-match': '"other"' }), document).status).toBe(
      200,
    )
    // An item removed since leaves the newest date as it was: If-Modified-Since cannot tell.
    const since = { 'if-modified-since': 'Fri, 20 Nov 2026 10:00:00 GMT' }
    expect(representationResponse(request(since), document).status).toBe(200)
  })

  it('marks answers for a logged-in reader private', () => {
    const response = representationResponse(request({}, { id: 1 }), document)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('notModifiedSince', () => {
  it('compares whole seconds and ignores what it cannot read', () => {
    const modified = '2026-11-20T10:00:00.900Z'
    expect(notModifiedSince('Fri, 20 Nov 2026 10:00:00 GMT', modified)).toBe(true)
    expect(notModifiedSince('Fri, 20 Nov 2026 09:59:59 GMT', modified)).toBe(false)
    expect(notModifiedSince('yesterday', modified)).toBe(false)
    expect(notModifiedSince(undefined, modified)).toBe(false)
    expect(notModifiedSince('Fri, 20 Nov 2026 10:00:00 GMT', undefined)).toBe(false)
  })

  it('newestDate picks the newest and skips empties', () => {
    expect(newestDate(['2026-01-01T00:00:00Z', null, '2026-02-01T00:00:00Z'])?.toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    )
    expect(newestDate([])).toBeUndefined()
  })
})
