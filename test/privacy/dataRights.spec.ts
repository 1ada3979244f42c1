import { jsonPieces } from '@/privacy/rights/jsonStream'
import {
  ERASURE_LINK_LIFETIME_MS,
  ERASURE_TABLE,
  erasureExpiry,
  erasureReason,
  erasureTokenState,
  scrubReason,
} from '@/privacy/rights/rules'

const NOW = new Date('2026-11-28T10:00:00.000Z')

describe('erasure links', () => {
  it('expire 24 hours after the request', () => {
    expect(erasureExpiry(NOW).toISOString()).toBe('2026-11-29T10:00:00.000Z')
    expect(ERASURE_LINK_LIFETIME_MS).toBe(86_400_000)
  })

  it.each([
    [
      'a pending request within its day',
      'usable',
      { status: 'pending', expiresAt: '2026-11-28T10:00:01.000Z' },
    ],
    [
      'a pending request at its expiry',
      'gone',
      { status: 'pending', expiresAt: '2026-11-28T10:00:00.000Z' },
    ],
    ['a pending request without expiry', 'gone', { status: 'pending', expiresAt: null }],
    ['a completed request', 'gone', { status: 'completed', expiresAt: '2026-11-29T00:00:00.000Z' }],
    [
      'a cancelled (replaced) request',
      'gone',
      { status: 'cancelled', expiresAt: '2026-11-29T00:00:00.000Z' },
    ],
    ['no request', 'gone', null],
  ] as const)('%s is %s', (_name, state, request) => {
    expect(erasureTokenState(request, NOW)).toBe(state)
  })
})

describe('staff erasure reasons', () => {
  it('are required, trimmed and bounded', () => {
    expect(erasureReason(undefined)).toBeNull()
    expect(erasureReason('  ')).toBeNull()
    expect(erasureReason('x'.repeat(1001))).toBeNull()
    expect(erasureReason('  Asked by letter ')).toBe('Asked by letter')
  })

  it('never keep the member’s name or address', () => {
    expect(
      scrubReason('Ann O’Neil (ann+q@example.org) asked; ANN O’NEIL confirmed', [
        'Ann O’Neil',
        'ann+q@example.org',
        null,
      ]),
    ).toBe('[member] ([member]) asked; [member] confirmed')
  })
})

describe('what erasure does', () => {
  it('deletes what identifies the member and anonymises what others rely on', () => {
    const byAction = (action: string) =>
      ERASURE_TABLE.filter((row) => row.action === action).map((row) => row.data)
    expect(byAction('delete')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('profile'),
        expect.stringContaining('sessions'),
        expect.stringContaining('connections'),
        expect.stringContaining('subscription'),
        expect.stringContaining('consent'),
      ]),
    )
    expect(byAction('anonymise')).toEqual(
      expect.arrayContaining(['comments', 'reports made on comments', 'blog posts written']),
    )
    expect(byAction('keep-status')).toEqual(['the erasure request'])
  })
})

describe('the streamed JSON', () => {
  async function* rows(count: number) {
    for (let index = 0; index < count; index += 1) yield { index }
  }
  const text = async (parts: Array<[string, () => unknown]>) => {
    let out = ''
    for await (const piece of jsonPieces(parts)) out += piece
    return out
  }

  it('writes values, promises and async iterables as one JSON object', async () => {
    const out = await text([
      ['summary', () => ['one']],
      ['profile', async () => ({ name: 'A "quoted" name' })],
      ['none', () => null],
      ['comments', () => rows(3)],
      ['empty', () => rows(0)],
    ])
    expect(JSON.parse(out)).toEqual({
      summary: ['one'],
      profile: { name: 'A "quoted" name' },
      none: null,
      comments: [{ index: 0 }, { index: 1 }, { index: 2 }],
      empty: [],
    })
  })

  it('yields an array element by element', async () => {
    const pieces: string[] = []
    for await (const piece of jsonPieces([['rows', () => rows(1000)]])) pieces.push(piece)
    expect(pieces.length).toBeGreaterThan(1000)
  })
})
