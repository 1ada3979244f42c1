/** CSV exports never hand a spreadsheet a formula (OWASP CSV injection). */
import { neutraliseCsvCell, toCsv } from '@plugins/shared/csv'
import { parse } from 'csv-parse/sync'

describe('neutraliseCsvCell', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ["=cmd|'/Ccalc.exe'!A0@example.org", "'=cmd|'/Ccalc.exe'!A0@example.org"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['  =1+1', "'  =1+1"],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCsvCell(input)).toBe(expected)
  })

  test.each([
    'ana@example.org',
    'a=b@example.org',
    'subscribe-form',
    '2026-11-27T10:00:00.000Z',
    '',
    "O'Neil",
  ])('%j is left alone', (input) => {
    expect(neutraliseCsvCell(input)).toBe(input)
  })
})

describe('toCsv', () => {
  test('string cells are neutralised and quoted as CSV needs; numbers stay numbers', () => {
    const csv = toCsv(
      [
        { email: '=1+2@example.org', source: '=HYPERLINK("http://evil.example","x")', count: -1 },
        { email: 'plain@example.org', source: 'subscribe-form', count: 3 },
      ],
      ['email', 'source', 'count'],
    )
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(rows).toEqual([
      { email: "'=1+2@example.org", source: `'=HYPERLINK("http://evil.example","x")`, count: '-1' },
      { email: 'plain@example.org', source: 'subscribe-form', count: '3' },
    ])
  })
})
