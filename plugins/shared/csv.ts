import { stringify } from 'csv-stringify/sync'

/**
 * A spreadsheet opening a CSV runs any cell that starts like a formula (`=HYPERLINK(…)`,
 * `=cmd|'/C calc'!A0`, `+1+1`, `@SUM(…)`), and some do after leading spaces too. Anyone can put
 * such text into an export (an email address, a name), so cells that start with `= + - @`, a tab or
 * a carriage return get a leading single quote: shown as text, never run (OWASP "CSV Injection").
 */
const FORMULA_START = /^(?:[\t\r]|[\t\r\n ]*[=+\-@])/

export const neutraliseCsvCell = (value: string): string =>
  FORMULA_START.test(value) ? `'${value}` : value

/** Rows as CSV with a header line, every string cell neutralised. Numbers stay numbers. */
export const toCsv = (rows: Record<string, unknown>[], columns: readonly string[]): string =>
  stringify(rows, {
    header: true,
    columns: [...columns],
    cast: { string: (value) => neutraliseCsvCell(value) },
  })
