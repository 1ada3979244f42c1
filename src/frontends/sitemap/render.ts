import { xmlBuilder } from '../xml'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const DECLARATION = { '@_version': '1.0', '@_encoding': 'UTF-8' }

export type SitemapURL = { loc: string; lastmod: string }

/**
 * The `<urlset>` around `<url>` runs (`renderURLs`). Written out because the builder makes whole
 * documents only: a sitemap of 50,000 URLs is built a run of 1,000 at a time, as the runs are read,
 * so no single step holds the event loop for the whole file. Everything inside is the builder's.
 */
export const URLSET_OPEN = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n`
export const URLSET_CLOSE = '</urlset>\n'

/** `<url>` elements (https://www.sitemaps.org/protocol.html); `lastmod` in W3C date-time. */
export const renderURLs = (urls: readonly SitemapURL[]): string =>
  urls.length === 0
    ? ''
    : xmlBuilder().build({ url: urls.map(({ loc, lastmod }) => ({ loc, lastmod })) })

/** A whole `<urlset>`. */
export const renderURLSet = (urls: readonly SitemapURL[]): string =>
  URLSET_OPEN + renderURLs(urls) + URLSET_CLOSE

/** A `<sitemapindex>` of sitemap files' absolute URLs. */
export const renderSitemapIndex = (locations: readonly string[]): string =>
  xmlBuilder().build({
    '?xml': DECLARATION,
    sitemapindex: { '@_xmlns': SITEMAP_NS, sitemap: locations.map((loc) => ({ loc })) },
  })
