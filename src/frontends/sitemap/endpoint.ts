import { documented, errorResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { settings } from '@/config/settings'
import { errorResponse } from '@/http/errorResponses'

import { newestDate, representationResponse, unexpectedParameter } from '../representation'
import { revalidatedResponses } from '../responseDocs'
import { countPublicDocuments, sitemapURLRuns } from './loadSitemap'
import { parseSitemapFile, planSitemap, type SitemapPage } from './plan'
import { renderSitemapIndex, renderURLs, URLSET_CLOSE, URLSET_OPEN } from './render'

const XML = 'application/xml; charset=utf-8'

/** A `<urlset>` of these files' URLs, read and written one run at a time. */
const urlSetResponse = async (req: PayloadRequest, pages: SitemapPage[], max: number) => {
  const parts = [URLSET_OPEN]
  const lastmods: string[] = []
  for (const page of pages)
    for await (const urls of sitemapURLRuns(req.payload, page, max)) {
      parts.push(renderURLs(urls))
      lastmods.push(...urls.map((url) => url.lastmod))
    }
  parts.push(URLSET_CLOSE)
  return representationResponse(req, {
    body: parts.join(''),
    contentType: XML,
    lastModified: newestDate(lastmods),
  })
}

/**
 * `GET /api/sitemap.xml`: every published document's frontend URL, or, above
 * `SITEMAP_MAX_URLS`, an index of the sitemap files.
 */
export const sitemapEndpoint = documented<Endpoint>(
  {
    path: '/sitemap.xml',
    method: 'get',
    handler: async (req) => {
      const unexpected = unexpectedParameter(req)
      if (unexpected) return unexpected
      const max = settings.sitemapMaxURLs
      const counts = await countPublicDocuments(req.payload)
      const pages = planSitemap(counts, max)
      const total = counts.reduce((sum, { count }) => sum + count, 0)
      if (total <= max) return urlSetResponse(req, pages, max)
      return representationResponse(req, {
        body: renderSitemapIndex(
          pages.map((_, index) => `${settings.serverURL}/api/sitemaps/${index + 1}.xml`),
        ),
        contentType: XML,
      })
    },
  },
  {
    summary: 'Sitemap of every published document on the frontend',
    description:
      'A `<urlset>` of the frontend URLs of published blogs, interviews, evaluation reports, events and Lab themes with `lastmod` (members are personal data and are left out); with more than `SITEMAP_MAX_URLS` (50,000) URLs, a `<sitemapindex>` of `/api/sitemaps/<n>.xml`.',
    tags: ['sitemap'],
    audience: 'public',
    responses: revalidatedResponses('A urlset, or a sitemapindex.', {
      'application/xml': { type: 'string' },
    }),
  },
)

/** `GET /api/sitemaps/<n>.xml`: one sitemap file of the index. */
export const sitemapPageEndpoint = documented<Endpoint>(
  {
    path: '/sitemaps/:file',
    method: 'get',
    handler: async (req) => {
      const unexpected = unexpectedParameter(req)
      if (unexpected) return unexpected
      const number = parseSitemapFile(String(req.routeParams?.file ?? ''))
      const max = settings.sitemapMaxURLs
      const page =
        number === null
          ? undefined
          : planSitemap(await countPublicDocuments(req.payload), max)[number - 1]
      if (!page) return errorResponse(404, 'No such sitemap file.')
      return urlSetResponse(req, [page], max)
    },
  },
  {
    summary: 'One sitemap file of the sitemap index',
    tags: ['sitemap'],
    audience: 'public',
    parameters: [
      {
        name: 'file',
        in: 'path',
        required: true,
        description: '`<n>.xml`, n from 1, as the index lists them.',
        schema: { type: 'string', pattern: '^[1-9][0-9]*\\.xml$' },
      },
    ],
    responses: {
      ...revalidatedResponses('A urlset of at most `SITEMAP_MAX_URLS` URLs.', {
        'application/xml': { type: 'string' },
      }),
      '404': errorResponseDoc('No sitemap file with that number.'),
    },
  },
)
