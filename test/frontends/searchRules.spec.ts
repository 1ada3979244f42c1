import { SLUGS } from '@collections/slugs'

import { parseSearchParams } from '@/frontends/search/rules/params'
import { lexicalToPlainText } from '@/frontends/search/rules/plainText'
import {
  correctableWords,
  parseQuery,
  toFts5Match,
  toTsQuery,
  withCorrections,
} from '@/frontends/search/rules/query'
import { toSearchDocument } from '@/frontends/search/rules/searchDocument'
import { snippetHtml } from '@/frontends/search/rules/snippet'
import { closestTerm, editDistance, vocabularyOf } from '@/frontends/search/rules/typos'
import { richText } from '@/seed/lexical'

const parsed = (raw: string) => {
  const result = parseQuery(raw)
  if (!result.ok) throw new Error(result.message)
  return result.query
}

describe('query parsing', () => {
  it('renders words, phrases, exclusions and OR as literal FTS5 strings and tsquery words', () => {
    const query = parsed('Patient "quality improvement" -audit OR nurs')
    expect(toFts5Match(query)).toBe(
      '(("patient" AND "quality improvement") NOT "audit") OR ("nurs"*)',
    )
    expect(toTsQuery(query)).toBe(
      "('patient' & ('quality' <-> 'improvement') & !'audit') | ('nurs':*)",
    )
  })

  it('prefix-matches only the last bare word, and only while it is being typed', () => {
    expect(toFts5Match(parsed('care qual'))).toBe('(("care" AND "qual"*))')
    expect(toFts5Match(parsed('care qual '))).toBe('(("care" AND "qual"))')
    expect(toFts5Match(parsed('care qu'))).toBe('(("care" AND "qu"))')
  })

  it('keeps syntax out: operators, quotes and punctuation become separate words or nothing', () => {
    for (const raw of ['NEAR(a b)', 'a* OR b:*', "x'); DROP TABLE t; --", 'a & !b | c <-> d']) {
      const query = parsed(raw)
      // Outside the quoted words, only the operators we wrote.
      expect(toFts5Match(query).replace(/"[\p{L}\p{N} ]+"/gu, '')).toMatch(
        /^(\s|\(|\)|\*|AND|OR|NOT)*$/u,
      )
      expect(toTsQuery(query).replace(/'[\p{L}\p{N}]+'/gu, '')).toMatch(/^[\s()&|!<\->:*]*$/u)
    }
    expect(toFts5Match(parsed('covid-19 care'))).toBe('(("covid 19" AND "care"*))')
  })

  it('refuses a query with nothing to find, or too many words', () => {
    expect(parseQuery('*** "" -x').ok).toBe(false)
    expect(parseQuery('w '.repeat(21)).ok).toBe(false)
  })

  it('corrects single included words only, matched whole', () => {
    const query = parsed('"safe care" qualty -audt')
    expect(correctableWords(query)).toEqual(['qualty'])
    expect(toFts5Match(withCorrections(query, new Map([['qualty', 'quality']])))).toBe(
      '(("safe care" AND "quality") NOT "audt")',
    )
  })
})

describe('search parameters', () => {
  const check = (query: string) => parseSearchParams(new URLSearchParams(query))

  it('defaults to every collection, 10 per page, page 1', () => {
    const result = check('q=care')
    expect(result.ok && result.request).toMatchObject({
      collections: ['blogs', 'interviews', 'evaluation-reports', 'events', 'lab-themes'],
      limit: 10,
      page: 1,
      from: null,
      until: null,
    })
  })

  it('turns the inclusive day range into instants', () => {
    const result = check('q=care&from=2026-01-31&to=2026-02-28')
    expect(result.ok && [result.request.from, result.request.until]).toEqual([
      '2026-01-31T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ])
  })

  it.each([
    ['q=', 'q'],
    ['q=care&collections=users', 'collections'],
    ['q=care&limit=1.5', 'limit'],
    ['q=care&page=-1', 'page'],
    ['q=care&topic=x', 'topic'],
    ['q=care&region=x', 'region'],
    ['q=care&from=2026-13-01', 'from'],
    ['q=care&from=2026-02-02&to=2026-02-01', 'from'],
  ])('%s is refused naming %s', (query, field) => {
    expect(check(query)).toMatchObject({ ok: false, field })
  })
})

describe('text extraction', () => {
  it('reads Lexical text in order, one line per block, and survives junk', () => {
    const value = richText({ heading: 'Aims' }, 'First  paragraph.', { list: ['one', 'two'] })
    expect(lexicalToPlainText(value)).toBe('Aims\nFirst paragraph.\none\ntwo')
    expect(lexicalToPlainText(null)).toBe('')
    expect(lexicalToPlainText('<p>html</p>')).toBe('')
    expect(lexicalToPlainText({ root: { children: [{ text: 5 }, 'x', null] } })).toBe('')
  })

  it('indexes public fields only, with each collection’s date', () => {
    const event = toSearchDocument(SLUGS.events, {
      id: 7,
      title: 'Meetup',
      slug: 'meetup',
      summary: 'Hello',
      location: 'Cardiff',
      onlineUrl: 'https://secret.example.org',
      startsAt: '2026-03-10T18:00:00.000Z',
      region: 'wales',
    })
    expect(JSON.stringify(event)).not.toContain('secret')
    expect(event).toMatchObject({ docId: '7', date: '2026-03-10T18:00:00.000Z', region: 'wales' })
    const theme = toSearchDocument(SLUGS.labThemes, { id: 1, title: 'T', year: 2024 })
    expect(theme.date).toBe('2024-01-01T00:00:00.000Z')
    const report = toSearchDocument(SLUGS.evaluationReports, {
      id: 2,
      title: 'R',
      keyFindings: [{ finding: 'Trust grew' }, { finding: 'Costs fell' }],
    })
    expect(report.body).toBe('Trust grew\nCosts fell')
  })
})

describe('snippets', () => {
  it('escapes everything but the markers it turns into <mark>', () => {
    expect(snippetHtml('a <script>\uE000x\uE001</script> & "q"')).toBe(
      'a &lt;script&gt;<mark>x</mark>&lt;/script&gt; &amp; &quot;q&quot;',
    )
    expect(snippetHtml('\uE000open')).toBe('<mark>open</mark>')
    expect(snippetHtml('stray\uE001 end')).toBe('stray end')
  })
})

describe('typo correction', () => {
  it('counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('qualtiy', 'quality')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3)
  })

  it('picks the closest word within the allowed typos, stably', () => {
    const words = ['quality', 'qualify', 'quantity', 'equality']
    expect(closestTerm('qualty', words)).toBe('quality')
    expect(closestTerm('quality', words)).toBeNull()
    expect(closestTerm('qxyz', words)).toBeNull()
    expect(closestTerm('car', ['cat'])).toBeNull()
  })

  it('keeps words, not numbers or very short tokens, once each', () => {
    expect(vocabularyOf('The NHS in 2026: the café', 'nhs')).toEqual(['the', 'nhs', 'café'])
  })
})
