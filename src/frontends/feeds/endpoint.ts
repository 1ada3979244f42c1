import { documented, errorResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { settings } from '@/config/settings'
import { errorResponse } from '@/http/errorResponses'

import {
  newestDate,
  representationResponse,
  serverHost,
  unexpectedParameter,
} from '../representation'
import { revalidatedResponses } from '../responseDocs'
import {
  COMBINED_FEED,
  FEED_COLLECTIONS,
  FEED_FORMATS,
  FEED_NAMES,
  FEED_TITLES,
  feedPath,
  newestEntries,
  parseFeedFile,
} from './feedFiles'
import { loadFeedEntries } from './loadEntries'

export const feedEndpoint = documented<Endpoint>(
  {
    path: '/feeds/:file',
    method: 'get',
    handler: async (req) => {
      const parsed = parseFeedFile(String(req.routeParams?.file ?? ''))
      if (!parsed)
        return errorResponse(
          404,
          `No such feed. Feeds are /api/feeds/<${FEED_NAMES.join('|')}>.<xml|atom|json>.`,
        )
      const unexpected = unexpectedParameter(req)
      if (unexpected) return unexpected
      const { name, extension } = parsed
      const collections = name === COMBINED_FEED ? FEED_COLLECTIONS : [name]
      const entries = newestEntries(await loadFeedEntries(req.payload, collections))
      const lastModified = newestDate(entries.map((entry) => entry.updated))
      const format = FEED_FORMATS[extension]
      const body = format.render(
        {
          title: `Q Community: ${FEED_TITLES[name]}`,
          description: `The newest published ${FEED_TITLES[name].toLowerCase()} of the Q Community.`,
          selfURL: `${settings.serverURL}/api${feedPath(name, extension)}`,
          alternateURL: settings.frontendURL,
          updated: lastModified ?? new Date(0),
          id: `tag:${serverHost()},2026:feeds/${name}`,
        },
        entries,
      )
      return representationResponse(req, { body, contentType: format.contentType, lastModified })
    },
  },
  {
    summary: 'A feed of the newest published blogs, interviews or evaluation reports',
    description:
      '`<name>.<ext>`: name `blogs`, `interviews`, `evaluation-reports` or `all` (the three together); ext `xml` (RSS 2.0), `atom` (Atom 1.0) or `json` (JSON Feed 1.1). The 50 newest published items, newest first. Revalidate with `If-None-Match` or `If-Modified-Since`.',
    tags: ['feeds'],
    audience: 'public',
    parameters: [
      {
        name: 'file',
        in: 'path',
        required: true,
        description: 'The feed and format, e.g. `blogs.xml`, `all.atom`, `interviews.json`.',
        schema: {
          type: 'string',
          pattern: `^(${FEED_NAMES.join('|')})\\.(xml|atom|json)$`,
        },
      },
    ],
    responses: {
      ...revalidatedResponses(
        'The feed.',
        {
          'application/rss+xml': { type: 'string' },
          'application/atom+xml': { type: 'string' },
          'application/feed+json': { type: 'object' },
        },
        'When the newest item last changed.',
      ),
      '404': errorResponseDoc('No feed of that name or format.'),
    },
  },
)
