import { consentedConnections } from '@/network/cache'
import { consentChanges, consentSource } from '@/privacy/consent/consentChanges'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'
import { cutoff, erasureRequestFate, periodDays } from '@/privacy/retention/cutoffs'

const NOW = new Date('2026-11-28T03:15:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

describe('consent changes', () => {
  test('a new member gets one record per purpose, defaults included', () => {
    const changes = consentChanges({ directoryVisible: true }, null)
    expect(changes).toEqual([
      { purpose: 'directory', granted: true, wordingVersion: CONSENT_PURPOSES.directory.version },
      {
        purpose: 'networkAnalysis',
        granted: false,
        wordingVersion: CONSENT_PURPOSES.networkAnalysis.version,
      },
      { purpose: 'contact', granted: true, wordingVersion: CONSENT_PURPOSES.contact.version },
    ])
  })

  test('an update records only the purposes whose value changed', () => {
    const before = { directoryVisible: true, networkAnalysis: false, contactable: true }
    expect(consentChanges({ ...before }, before)).toEqual([])
    expect(consentChanges({ ...before, networkAnalysis: true }, before)).toEqual([
      expect.objectContaining({ purpose: 'networkAnalysis', granted: true }),
    ])
    expect(
      consentChanges(
        { directoryVisible: false, networkAnalysis: false, contactable: false },
        before,
      ),
    ).toEqual([
      expect.objectContaining({ purpose: 'directory', granted: false }),
      expect.objectContaining({ purpose: 'contact', granted: false }),
    ])
  })

  test.each([
    [{ consentSource: 'seed' }, null, 'create', 'seed'],
    [{ consentSource: 'import' }, { collection: 'users' }, 'update', 'import'],
    [{ consentSource: 'made-up' }, { collection: 'members' }, 'update', 'member'],
    [{}, { collection: 'members' }, 'create', 'member'],
    [{}, { collection: 'users' }, 'update', 'staff'],
    [{}, null, 'create', 'signup'],
  ] as const)(
    'source from context %j and user %j on %s → %s',
    (context, user, operation, source) => {
      expect(consentSource({ ...context }, user, 'members', operation)).toBe(source)
    },
  )
})

describe('network consent', () => {
  test('a connection counts only when both members consented', () => {
    const members = ['1', '2', '3'].map((id) => ({
      id,
      joinedAt: '2026-01-01',
      region: null,
      profession: null,
      directoryVisible: true,
    }))
    const connections = [
      { from: '1', to: '2', acceptedAt: '2026-02-01' },
      { from: '2', to: '4', acceptedAt: '2026-02-01' },
      { from: '5', to: '3', acceptedAt: '2026-02-01' },
    ]
    expect(consentedConnections(members, connections)).toEqual([connections[0]])
  })
})

describe('retention cut-offs', () => {
  test('a period of n days cuts n whole days before now', () => {
    expect(cutoff(NOW, 30).toISOString()).toBe('2026-10-29T03:15:00.000Z')
    expect(() => cutoff(NOW, 0)).toThrow()
  })

  test('the settings value, or the default when unset or nonsense', () => {
    expect(periodDays(7, 30)).toBe(7)
    expect(periodDays(null, 30)).toBe(30)
    expect(periodDays(0, 30)).toBe(30)
    expect(periodDays('7', 30)).toBe(30)
  })

  test.each([
    ['pending, link still valid', { status: 'pending', expiresAt: daysAgo(-1) }, 'keep'],
    ['pending, link expired', { status: 'pending', expiresAt: daysAgo(1) }, 'expire'],
    [
      'confirmed long ago (erasure not yet run)',
      { status: 'confirmed', requestedAt: daysAgo(90) },
      'keep',
    ],
    ['completed 31 days ago', { status: 'completed', requestedAt: daysAgo(31) }, 'delete'],
    ['completed 29 days ago', { status: 'completed', requestedAt: daysAgo(29) }, 'keep'],
    ['cancelled 31 days ago', { status: 'cancelled', requestedAt: daysAgo(31) }, 'delete'],
    ['expired 31 days ago', { status: 'expired', requestedAt: daysAgo(31) }, 'delete'],
  ])('erasure request %s → %#', (_case, request, fate) => {
    expect(erasureRequestFate(request, NOW, 30)).toBe(fate)
  })
})
