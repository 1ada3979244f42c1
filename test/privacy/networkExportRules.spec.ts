/** Network exports for evaluators, the pure parts: k-anonymity, per-export pseudonyms, manifest, CSV. */
import { toCsv } from '@plugins/shared/csv'
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'

import { buildArchive } from '@/privacy/exports/buildArchive'
import { generaliseJoined, kAnonymise } from '@/privacy/exports/kAnonymity'
import { buildManifest, sha256 } from '@/privacy/exports/manifest'
import { lastDayOf, monthOf, monthsBetween } from '@/privacy/exports/months'
import { readPeriod } from '@/privacy/exports/period'
import { exportPseudonym, newPseudonymKey } from '@/privacy/exports/pseudonyms'
import { abandonedBuilds, expiredExports } from '@/privacy/exports/rules'

/** `count` members in region × profession, ids prefixed by the group. */
const group = (region: string | null, profession: string | null, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${region}-${profession}-${index}`,
    region,
    profession,
  }))

describe('kAnonymise', () => {
  test.each([
    {
      name: 'groups of k or more stay as they are',
      members: [...group('wales', 'nurse', 3), ...group('wales', 'doctor', 3)],
      k: 3,
      published: { 'wales/nurse': 3, 'wales/doctor': 3 },
      counts: { professionGeneralised: 0, regionGeneralised: 0, suppressed: 0 },
    },
    {
      name: 'small groups in a region merge into its "Other" profession',
      members: [
        ...group('wales', 'nurse', 3),
        ...group('wales', 'doctor', 2),
        ...group('wales', 'carer', 1),
      ],
      k: 3,
      published: { 'wales/nurse': 3, 'wales/Other': 3 },
      counts: { professionGeneralised: 3, regionGeneralised: 0, suppressed: 0 },
    },
    {
      name: 'then regions with too few "Other" merge into "Other × Other"',
      members: [
        ...group('wales', 'nurse', 3),
        ...group('wales', 'doctor', 1),
        ...group('scotland', 'doctor', 2),
      ],
      k: 3,
      published: { 'wales/nurse': 3, 'Other/Other': 3 },
      counts: { professionGeneralised: 3, regionGeneralised: 3, suppressed: 0 },
    },
    {
      name: 'whoever is still in a group smaller than k is suppressed',
      members: [
        ...group('wales', 'nurse', 3),
        ...group('wales', 'doctor', 1),
        ...group('scotland', 'doctor', 1),
      ],
      k: 3,
      published: { 'wales/nurse': 3 },
      counts: { professionGeneralised: 2, regionGeneralised: 2, suppressed: 2 },
    },
    {
      name: 'a missing region or profession counts as "Other"',
      members: [...group(null, 'nurse', 2), ...group('wales', null, 1)],
      k: 3,
      published: { 'Other/Other': 3 },
      counts: { professionGeneralised: 2, regionGeneralised: 1, suppressed: 0 },
    },
    {
      name: 'nobody: nothing to publish',
      members: [],
      k: 5,
      published: {},
      counts: { professionGeneralised: 0, regionGeneralised: 0, suppressed: 0 },
    },
  ])('$name', ({ members, k, published, counts }) => {
    const report = kAnonymise(members, k)
    const sizes: Record<string, number> = {}
    for (const { region, profession } of report.kept.values())
      sizes[`${region}/${profession}`] = (sizes[`${region}/${profession}`] ?? 0) + 1
    expect(sizes).toEqual(published)
    expect(report.counts).toEqual(counts)
    expect(report.kept.size + report.suppressed.size).toBe(members.length)
    for (const size of Object.values(sizes)) expect(size).toBeGreaterThanOrEqual(k)
  })
})

describe('generaliseJoined', () => {
  const group = (region: string, profession: string) => ({ region, profession })
  // One region × profession group per row: the members' join months, k, and what is published.
  test.each([
    [
      'every month has k members: months',
      ['2025-01', '2025-01', '2025-03', '2025-03'],
      2,
      ['2025-01', '2025-01', '2025-03', '2025-03'],
      'month',
    ],
    [
      'a lone month, years have k: years for the whole group',
      ['2025-01', '2025-01', '2025-03', '2024-06', '2024-07'],
      2,
      ['2025', '2025', '2025', '2024', '2024'],
      'year',
    ],
    [
      'a lone year: withheld for the whole group',
      ['2025-01', '2025-02', '2025-03', '2024-06'],
      2,
      ['', '', '', ''],
      'withheld',
    ],
    [
      'k = 5 and one month of five: months',
      ['2026-02', '2026-02', '2026-02', '2026-02', '2026-02'],
      5,
      ['2026-02', '2026-02', '2026-02', '2026-02', '2026-02'],
      'month',
    ],
  ] as const)('%s', (_name, months, k, expected, level) => {
    const kept = new Map(months.map((_month, index) => [`m${index}`, group('london', 'nurse')]))
    const joined = new Map(months.map((month, index) => [`m${index}`, month]))
    const result = generaliseJoined(kept, joined, k)
    expect(months.map((_month, index) => result.joined.get(`m${index}`))).toEqual(expected)
    expect(result.precision[level]).toBe(months.length)
  })

  test('groups are generalised separately, and every published region × profession × joined has k members', () => {
    const kept = new Map([
      ['a', group('london', 'nurse')],
      ['b', group('london', 'nurse')],
      ['c', group('wales', 'gp')],
      ['d', group('wales', 'gp')],
      ['e', group('wales', 'gp')],
    ])
    const joined = new Map([
      ['a', '2025-01'],
      ['b', '2025-01'],
      ['c', '2025-01'],
      ['d', '2025-02'],
      ['e', '2024-12'],
    ])
    const result = generaliseJoined(kept, joined, 2)
    expect(Object.fromEntries(result.joined)).toEqual({
      a: '2025-01',
      b: '2025-01',
      c: '',
      d: '',
      e: '',
    })
    const sizes = new Map<string, number>()
    for (const [id, at] of result.joined) {
      const key = JSON.stringify([kept.get(id), at])
      sizes.set(key, (sizes.get(key) ?? 0) + 1)
    }
    expect([...sizes.values()].every((size) => size >= 2)).toBe(true)
  })
})

describe('pseudonyms', () => {
  test('keyed per export: stable within one, unlinkable across two', () => {
    const first = newPseudonymKey()
    const second = newPseudonymKey()
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(first).not.toBe(second)
    expect(exportPseudonym(first, '42')).toBe(exportPseudonym(first, '42'))
    expect(exportPseudonym(first, '42')).not.toBe(exportPseudonym(second, '42'))
    expect(exportPseudonym(first, '42')).not.toBe(exportPseudonym(first, '43'))
    expect(exportPseudonym(first, '42')).toMatch(/^[0-9a-f]{20}$/)
  })
})

describe('manifest', () => {
  test('the SHA-256 of every file, in name order', () => {
    const manifest = buildManifest({
      exportId: '7',
      createdAt: '2026-11-28T00:00:00.000Z',
      purpose: 'Evaluation of year two',
      period: { from: null, to: null },
      k: 5,
      rows: { 'members.csv': 0 },
      suppression: { suppressed: 0 },
      files: { 'b.csv': 'b', 'a.csv': new TextEncoder().encode('abc') },
    })
    expect(Object.keys(manifest.sha256)).toEqual(['a.csv', 'b.csv'])
    expect(manifest.sha256['a.csv']).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(manifest.sha256['b.csv']).toBe(sha256('b'))
  })
})

describe('CSV', () => {
  test('commas, quotes and line breaks are quoted; formulas neutralised', () => {
    const csv = toCsv([{ a: 'x,y', b: 'say "hi"\nthere', c: '=1+1' }], ['a', 'b', 'c'])
    expect(csv).toBe('a,b,c\n"x,y","say ""hi""\nthere",\'=1+1\n')
    expect(parse(csv, { columns: true })).toEqual([{ a: 'x,y', b: 'say "hi"\nthere', c: "'=1+1" }])
  })
})

describe('months', () => {
  test('month of a timestamp, last day, ranges', () => {
    expect(monthOf('2024-02-29T23:59:59.000Z')).toBe('2024-02')
    expect(monthOf('2024-03-01 00:00:00+00')).toBe('2024-03')
    expect(monthOf('nonsense')).toBe('')
    expect(lastDayOf('2024-02')).toBe('2024-02-29')
    expect(lastDayOf('2023-12')).toBe('2023-12-31')
    expect(monthsBetween('2023-11', '2024-02')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ])
  })
})

describe('buildArchive', () => {
  const members = [
    ...group('wales', 'nurse', 3).map((member) => ({
      ...member,
      joinedAt: '2024-01-10T10:00:00Z',
    })),
    { id: 'lonely', region: 'scotland', profession: 'doctor', joinedAt: '2024-02-03T10:00:00Z' },
  ]
  const connections = [
    { from: 'wales-nurse-0', to: 'wales-nurse-1', acceptedAt: '2024-02-05T10:00:00Z' },
    { from: 'wales-nurse-1', to: 'wales-nurse-0', acceptedAt: '2024-03-05T10:00:00Z' },
    { from: 'wales-nurse-2', to: 'lonely', acceptedAt: '2024-02-06T10:00:00Z' },
    { from: 'wales-nurse-2', to: 'not-consenting', acceptedAt: '2024-02-06T10:00:00Z' },
  ]
  test('five files; suppressed members and their connections left out; hashes match', async () => {
    const progress: number[] = []
    const archive = await buildArchive({
      exportId: '1',
      createdAt: '2024-03-15T00:00:00.000Z',
      purpose: 'Unit test of the archive',
      k: 3,
      pseudonymKey: newPseudonymKey(),
      members,
      connections,
      onProgress: async (percent) => void progress.push(percent),
    })
    const files = unzipSync(archive.zip)
    expect(Object.keys(files).sort()).toEqual([
      'connections.csv',
      'data-dictionary.md',
      'manifest.json',
      'members.csv',
      'monthly.csv',
    ])
    const text = (name: string) => new TextDecoder().decode(files[name])
    const manifest = JSON.parse(text('manifest.json'))
    for (const [name, hash] of Object.entries(manifest.sha256))
      expect(sha256(files[name])).toBe(hash)
    expect(archive.sha256).toBe(sha256(archive.zip))
    expect(archive.counts).toEqual({ members: 3, connections: 1, suppressed: 1 })
    const csv = (name: string) => parse(text(name), { columns: true }) as Record<string, string>[]
    const rows = csv('members.csv')
    expect(rows.map((row) => row.joined_month)).toEqual(['2024-01', '2024-01', '2024-01'])
    // The pair connected twice is one row, from its first acceptance.
    expect(csv('connections.csv')[0].accepted_month).toBe('2024-02')
    const monthly = csv('monthly.csv')
    expect(monthly.map((row) => [row.month, row.members, row.connections])).toEqual([
      ['2024-01', '3', '0'],
      ['2024-02', '3', '1'],
      ['2024-03', '3', '1'],
    ])
    expect(text('members.csv')).not.toContain('wales-nurse')
    expect(progress).toEqual([20, 40, 80, 95])
  })
})

describe('period', () => {
  test.each([
    [{}, {}],
    [
      { from: '2024-01', to: '2024-06' },
      { from: '2024-01', to: '2024-06' },
    ],
    [{ to: '' }, {}],
    [{ from: '2024-13' }, { field: 'from', message: 'from must be a month, YYYY-MM.' }],
    [{ to: '2024-06-01' }, { field: 'to', message: 'to must be a month, YYYY-MM.' }],
    [{ to: 202406 }, { field: 'to', message: 'to must be a month, YYYY-MM.' }],
    [
      { from: '2024-06', to: '2024-01' },
      { field: 'to', message: 'to must not be before from.' },
    ],
  ])('%j → %j', (body, expected) => {
    expect(readPeriod(body)).toEqual(expected)
  })

  test('the network at the end of `to`; monthly.csv from `from`', async () => {
    const archive = await buildArchive({
      exportId: '2',
      createdAt: '2024-12-15T00:00:00.000Z',
      purpose: 'Unit test of the period',
      k: 1,
      pseudonymKey: newPseudonymKey(),
      members: [
        { id: 'a', region: 'wales', profession: 'nurse', joinedAt: '2024-01-10T00:00:00Z' },
        { id: 'b', region: 'wales', profession: 'nurse', joinedAt: '2024-02-10T00:00:00Z' },
        { id: 'c', region: 'wales', profession: 'nurse', joinedAt: '2024-05-10T00:00:00Z' },
      ],
      connections: [
        { from: 'a', to: 'b', acceptedAt: '2024-03-01T00:00:00Z' },
        { from: 'a', to: 'c', acceptedAt: '2024-05-20T00:00:00Z' },
      ],
      period: { from: '2024-02', to: '2024-04' },
    })
    const files = unzipSync(archive.zip)
    const csv = (name: string) =>
      parse(new TextDecoder().decode(files[name]), { columns: true }) as Record<string, string>[]
    expect(archive.counts).toEqual({ members: 2, connections: 1, suppressed: 0 })
    expect(csv('monthly.csv').map((row) => [row.month, row.members, row.connections])).toEqual([
      ['2024-02', '2', '0'],
      ['2024-03', '2', '1'],
      ['2024-04', '2', '1'],
    ])
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).period).toEqual({
      from: '2024-02',
      to: '2024-04',
    })
  })
})

describe('maintenance rules', () => {
  test('expired: ready and past expiresAt; abandoned: building, untouched for 30 minutes', () => {
    const now = new Date('2026-11-28T12:00:00.000Z')
    expect(expiredExports(now)).toEqual({
      and: [
        { status: { equals: 'ready' } },
        { expiresAt: { less_than_equal: '2026-11-28T12:00:00.000Z' } },
      ],
    })
    expect(abandonedBuilds(now)).toEqual({
      and: [
        { status: { equals: 'building' } },
        { updatedAt: { less_than: '2026-11-28T11:30:00.000Z' } },
      ],
    })
  })
})
