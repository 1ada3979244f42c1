import { xmlBuilder } from '../xml'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const DECLARATION = { '@_version': '1.0', '@_encoding': 'UTF-8' }

export type SitemapURL = { loc: string; lastmod: string }

/** A `<urlset>` (https://www.sitemaps.org/protocol.html); `lastmod` in W3C date-time. */
export const renderURLSet = (urls: readonly SitemapURL[]): string =>
  xmlBuilder().build({
    '?xml': DECLARATION,
    urlset: { '@_xmlns': SITEMAP_NS, url: urls.map(({ loc, lastmod }) => ({ loc, lastmod })) },
  })

/** A `<sitemapindex>` of sitemap files' absolute URLs. */
export const renderSitemapIndex = (locations: readonly string[]): string =>
  xmlBuilder().build({
    '?xml': DECLARATION,
    sitemapindex: { '@_xmlns': SITEMAP_NS, sitemap: locations.map((loc) => ({ loc })) },
  })
