import { MAX_QUERY_WORDS, MIN_PREFIX_LENGTH } from '../constants'

/**
 * A search query as the user wrote it, parsed into words the databases can only take literally:
 * websearch syntax (words, "quoted phrases", -exclusions, OR), nothing else. Every word is made of
 * letters and digits only, so the rendered FTS5 MATCH string and PostgreSQL tsquery can hold no
 * syntax the user typed.
 */
export type QueryItem =
  { kind: 'term'; word: string; prefix: boolean } | { kind: 'phrase'; words: string[] }

/** Items that must all match, and items that must not. */
export type QueryClause = { include: QueryItem[]; exclude: QueryItem[] }

/** Clauses joined by OR. */
export type ParsedQuery = QueryClause[]

export type QueryParse = { ok: true; query: ParsedQuery } | { ok: false; message: string }

const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu
const WORD = /[\p{L}\p{N}]+/gu

/** The words of a piece of text, lowercased (what both databases' tokenizers also split on). */
export const wordsOf = (text: string): string[] =>
  (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).map((word) => word)

const itemOf = (words: string[]): QueryItem | null =>
  words.length === 0
    ? null
    : words.length === 1
      ? { kind: 'term', word: words[0], prefix: false }
      : { kind: 'phrase', words }

/** The item the user is still typing gets prefix matching: the last bare word, if long enough. */
const markPrefix = (clauses: ParsedQuery, raw: string) => {
  if (/\s$/u.test(raw) || raw.trimEnd().endsWith('"')) return
  const last = clauses.at(-1)?.include.at(-1)
  if (last?.kind === 'term' && [...last.word].length >= MIN_PREFIX_LENGTH) last.prefix = true
}

export const parseQuery = (raw: string): QueryParse => {
  const clauses: ParsedQuery = [{ include: [], exclude: [] }]
  let words = 0
  let lastWasExclusion = false
  for (const match of raw.matchAll(TOKEN)) {
    const [, minus, phrase, bare] = match
    if (bare === 'OR') {
      clauses.push({ include: [], exclude: [] })
      continue
    }
    const negated = minus === '-' || (bare !== undefined && bare.startsWith('-') && bare.length > 1)
    const item = itemOf(wordsOf(phrase ?? bare ?? ''))
    if (!item) continue
    words += item.kind === 'term' ? 1 : item.words.length
    const clause = clauses[clauses.length - 1]
    if (negated) clause.exclude.push(item)
    else clause.include.push(item)
    lastWasExclusion = negated
  }
  if (words > MAX_QUERY_WORDS)
    return { ok: false, message: `q may have at most ${MAX_QUERY_WORDS} words.` }
  // A clause of exclusions alone would match nearly everything: it is dropped.
  const query = clauses.filter((clause) => clause.include.length > 0)
  if (query.length === 0)
    return { ok: false, message: 'q must contain at least one word to search for.' }
  if (!lastWasExclusion) markPrefix(query, raw)
  return { ok: true, query }
}

const fts5Item = (item: QueryItem): string =>
  item.kind === 'term' ? `"${item.word}"${item.prefix ? '*' : ''}` : `"${item.words.join(' ')}"`

/** The FTS5 MATCH expression: every word a quoted string, so it is never read as syntax. */
export const toFts5Match = (query: ParsedQuery): string =>
  query
    .map(({ include, exclude }) => {
      const all = include.map(fts5Item).join(' AND ')
      const none = exclude.map((item) => ` NOT ${fts5Item(item)}`).join('')
      return `(${include.length > 1 ? `(${all})` : all}${none})`
    })
    .join(' OR ')

const tsItem = (item: QueryItem): string =>
  item.kind === 'term'
    ? `'${item.word}'${item.prefix ? ':*' : ''}`
    : `(${item.words.map((word) => `'${word}'`).join(' <-> ')})`

/**
 * The text for PostgreSQL's `to_tsquery('english', …)`: quoted words joined by its operators
 * (`&`, `|`, `!`, `<->`, `:*` for the prefix). The words contain no quote, so nothing the user
 * typed is read as an operator.
 */
export const toTsQuery = (query: ParsedQuery): string =>
  query
    .map(({ include, exclude }) =>
      [...include.map(tsItem), ...exclude.map((item) => `!${tsItem(item)}`)].join(' & '),
    )
    .map((clause) => `(${clause})`)
    .join(' | ')

/** Single words the typo fallback may correct (phrases and exclusions are taken as written). */
export const correctableWords = (query: ParsedQuery): string[] => [
  ...new Set(
    query.flatMap((clause) =>
      clause.include.flatMap((item) => (item.kind === 'term' ? [item.word] : [])),
    ),
  ),
]

/** The query with corrected words; a corrected word is matched whole, not as a prefix. */
export const withCorrections = (
  query: ParsedQuery,
  corrections: ReadonlyMap<string, string>,
): ParsedQuery =>
  query.map((clause) => ({
    ...clause,
    include: clause.include.map((item) => {
      const corrected = item.kind === 'term' ? corrections.get(item.word) : undefined
      return corrected ? { kind: 'term', word: corrected, prefix: false } : item
    }),
  }))

/** How the corrected query reads, for "showing results for …". */
export const queryText = (query: ParsedQuery): string =>
  query
    .map(({ include, exclude }) =>
      [
        ...include.map((item) => (item.kind === 'term' ? item.word : `"${item.words.join(' ')}"`)),
        ...exclude.map((item) =>
          item.kind === 'term' ? `-${item.word}` : `-"${item.words.join(' ')}"`,
        ),
      ].join(' '),
    )
    .join(' OR ')
