/** The sitemap's pure parts: how files are planned and read, and the XML they become. */
import { XMLValidator } from 'fast-xml-parser'

import { parseSitemapFile, planSitemap, readChunkSize } from '@/frontends/sitemap/plan'
import { renderSitemapIndex, renderURLSet } from '@/frontends/sitemap/render'

describe('planSitemap', () => {
  it('splits each collection into files of at most max URLs, numbered across collections', () => {
    expect(
      planSitemap(
        [
          { collection: 'blogs', count: 5 },
          { collection: 'interviews', count: 0 },
          { collection: 'events', count: 2 },
        ],
        2,
      ),
    ).toEqual([
      { collection: 'blogs', page: 1 },
      { collection: 'blogs', page: 2 },
      { collection: 'blogs', page: 3 },
      { collection: 'events', page: 1 },
    ])
  })

  it('reads in chunks that tile a file exactly', () => {
    expect(readChunkSize(50_000)).toBe(1000)
    expect(readChunkSize(3)).toBe(3)
    expect(readChunkSize(1009)).toBe(1)
    expect(readChunkSize(1500)).toBe(750)
  })

  it('accepts file names 1.xml and up only', () => {
    expect(parseSitemapFile('12.xml')).toBe(12)
    for (const bad of ['0.xml', '01.xml', 'a.xml', '1.xml.gz', '1', '-1.xml'])
      expect(parseSitemapFile(bad)).toBeNull()
  })
})

describe('sitemap XML', () => {
  it('is well-formed, with escaped locations', () => {
    const urlset = renderURLSet([
      { loc: 'https://q.example.org/blogs/a?b=1&c=2', lastmod: '2026-11-01T00:00:00.000Z' },
    ])
    expect(XMLValidator.validate(urlset)).toBe(true)
    expect(urlset).toContain('<loc>https://q.example.org/blogs/a?b=1&amp;c=2</loc>')
    expect(urlset).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')
    expect(XMLValidator.validate(renderURLSet([]))).toBe(true)
    const index = renderSitemapIndex(['https://cms.example.org/api/sitemaps/1.xml'])
    expect(XMLValidator.validate(index)).toBe(true)
    expect(index).toContain('<sitemapindex')
  })
})
