/**
 * Feeds as pure functions: the three formats from the same items, checked as a reader would
 * (well-formed XML, the elements each spec requires, JSON Feed 1.1 against its schema), and the
 * mapping from documents (public names only, enclosures, stable ids).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { renderAtom } from '@/frontends/feeds/atom'
import { feedEntryId, toFeedEntry } from '@/frontends/feeds/entries'
import { FEED_PATHS, newestEntries, parseFeedFile } from '@/frontends/feeds/feedFiles'
import { renderJSONFeed } from '@/frontends/feeds/jsonFeed'
import { renderRSS } from '@/frontends/feeds/rss'
import type { FeedEntry, FeedMeta } from '@/frontends/feeds/types'

import { validateJSONFeed } from './fixtures/jsonFeedSchema'

const meta: FeedMeta = {
  title: 'Q Community: Blogs & more',
  description: 'The newest <published> blogs.',
  selfURL: 'https://cms.example.org/api/feeds/blogs.xml',
  alternateURL: 'https://q.example.org',
  updated: new Date('2026-11-20T10:00:00.000Z'),
  id: 'tag:cms.example.org,2026:feeds/blogs',
}

const entries: FeedEntry[] = [
  {
    id: feedEntryId('cms.example.org', 'blogs', 1),
    title: 'Safety & <learning>',
    link: 'https://q.example.org/blogs/safety',
    summary: 'What we learnt & why',
    authorName: 'Ada Lovelace',
    categories: ['Patient safety', 'Workforce'],
    published: new Date('2026-11-01T09:00:00.000Z'),
    updated: new Date('2026-11-02T09:00:00.000Z'),
  },
  {
    id: feedEntryId('cms.example.org', 'evaluation-reports', 2),
    title: 'Evaluating Q',
    link: 'https://q.example.org/evaluation-reports/evaluating-q',
    categories: [],
    published: new Date('2026-10-01T09:00:00.000Z'),
    updated: new Date('2026-10-01T09:00:00.000Z'),
    enclosure: {
      url: 'https://cms.example.org/api/media/file/q.pdf',
      length: 1234,
      type: 'application/pdf',
    },
  },
]

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
})

describe('RSS 2.0', () => {
  const xml = renderRSS(meta, entries)
  const channel = parser.parse(xml).rss.channel

  it('is well-formed, with the channel and item elements RSS requires', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(channel).toMatchObject({
      title: meta.title,
      link: [meta.alternateURL],
      description: meta.description,
    })
    expect(channel['atom:link']['@_href']).toBe(meta.selfURL)
    expect(channel.item).toHaveLength(2)
    for (const item of channel.item) expect(item.title ?? item.description).toBeTruthy()
  })

  it('names the author by name only (dc:creator), categories from topics, the PDF as an enclosure', () => {
    const [blog, report] = channel.item
    expect(blog['dc:creator']).toBe('Ada Lovelace')
    expect(blog.author).toBeUndefined()
    expect(blog.category).toEqual(['Patient safety', 'Workforce'])
    expect(blog.guid).toMatchObject({ '#text': entries[0].id, '@_isPermaLink': 'false' })
    expect(report.enclosure).toMatchObject({
      '@_url': entries[1].enclosure?.url,
      '@_length': '1234',
      '@_type': 'application/pdf',
    })
    expect(xml).toContain('Safety &amp; &lt;learning&gt;')
  })
})

describe('Atom 1.0', () => {
  const xml = renderAtom(meta, entries)
  const feed = parser.parse(xml).feed

  it('is well-formed, with id, title, updated, self and alternate links, and entries', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe(meta.id)
    expect(feed.updated).toBe(meta.updated.toISOString())
    expect(feed.link.map((link: Record<string, string>) => link['@_rel'])).toEqual([
      'self',
      'alternate',
    ])
    expect(feed.author.name).toBe('Q Community')
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:/)
      expect(entry.title['#text']).toBeTruthy()
      expect(entry.updated).toBeTruthy()
    }
  })

  it('gives the enclosure its real type and the byline its name', () => {
    const [blog, report] = feed.entry
    expect(blog.author.name).toBe('Ada Lovelace')
    expect(report.author).toBeUndefined()
    expect(report.link[1]).toMatchObject({
      '@_rel': 'enclosure',
      '@_type': 'application/pdf',
      '@_length': '1234',
    })
  })
})

describe('JSON Feed 1.1', () => {
  it('validates against the JSON Feed 1.1 schema', () => {
    const feed = JSON.parse(renderJSONFeed(meta, entries))
    expect(validateJSONFeed(feed)).toBe(true)
    expect(feed.items[0]).toMatchObject({
      authors: [{ name: 'Ada Lovelace' }],
      tags: ['Patient safety', 'Workforce'],
    })
    expect(feed.items[1].attachments).toEqual([
      { url: entries[1].enclosure?.url, mime_type: 'application/pdf', size_in_bytes: 1234 },
    ])
  })

  it('the schema refuses an item without content', () => {
    const feed = JSON.parse(renderJSONFeed(meta, entries))
    delete feed.items[0].content_text
    expect(validateJSONFeed(feed)).toBe(false)
  })
})

describe('hostile text', () => {
  it('leaves out characters XML cannot carry, so a name with a control character keeps feeds readable', () => {
    const hostile = [{ ...entries[0], authorName: 'Eve\u000b\u0001', title: 'Tab\tkept \uFFFF' }]
    for (const xml of [renderRSS(meta, hostile), renderAtom(meta, hostile)]) {
      for (const character of ['\u0001', '\u000b', '\uFFFF']) expect(xml).not.toContain(character)
      expect(xml).toContain('Eve')
      expect(XMLValidator.validate(xml)).toBe(true)
    }
  })
})

describe('feed files and items', () => {
  it('parses the twelve feed paths and nothing else', () => {
    expect(FEED_PATHS).toHaveLength(12)
    expect(parseFeedFile('all.atom')).toEqual({ name: 'all', extension: 'atom' })
    for (const bad of [
      'members.xml',
      'blogs.rss',
      'blogs',
      '.xml',
      'blogs.xml.json',
      'constructor.xml',
    ])
      expect(parseFeedFile(bad)).toBeNull()
  })

  it('keeps the 50 newest, newest first', () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...entries[0],
      id: `tag:x,2026:blogs/${index}`,
      published: new Date(Date.UTC(2026, 0, index + 1)),
    }))
    const newest = newestEntries(many)
    expect(newest).toHaveLength(50)
    expect(newest[0].id).toBe('tag:x,2026:blogs/59')
  })

  it('maps documents with public names only and absolute enclosure URLs', () => {
    const lookups = {
      names: new Map([['members:7', 'Grace Hopper']]),
      files: new Map([
        [
          'media:3',
          {
            url: 'https://cms.example.org/api/media/file/r.pdf',
            length: 9,
            type: 'application/pdf',
          },
        ],
      ]),
    }
    const base = {
      title: 'T',
      slug: 't',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    }
    const blog = toFeedEntry(
      'blogs',
      { ...base, id: 1, author: { relationTo: 'members', value: 8 }, topics: ['workforce'] },
      lookups,
      'h',
    )
    expect(blog.authorName).toBeUndefined()
    expect(blog.categories).toEqual(['Workforce'])
    const interview = toFeedEntry(
      'interviews',
      { ...base, id: 2, interviewee: 7, summary: 'S' },
      lookups,
      'h',
    )
    expect(interview).toMatchObject({
      authorName: 'Grace Hopper',
      summary: 'S',
      id: 'tag:h,2026:interviews/2',
    })
    const report = toFeedEntry(
      'evaluation-reports',
      { ...base, id: 3, reportFile: 3, authorsOrganisation: 'RAND Europe' },
      lookups,
      'h',
    )
    expect(report).toMatchObject({ authorName: 'RAND Europe', enclosure: { length: 9 } })
  })
})
