import {
  documented,
  errorResponseDoc,
  jsonResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { REGIONS } from '@/fields/regions'
import { TOPICS } from '@/fields/topics'
import { badRequest, errorResponse } from '@/http/errorResponses'

import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MONGODB_UNSUPPORTED,
  SEARCH_PATH,
  SEARCHABLE_COLLECTIONS,
} from './constants'
import { parseSearchParams } from './rules/params'
import { runSearch } from './search'
import { searchBackend } from './store'

const nullableString: JSONSchema = { type: ['string', 'null'] }

const resultSchema: JSONSchema = {
  type: 'object',
  required: ['collection', 'id', 'slug', 'title', 'url', 'snippet', 'score', 'date'],
  additionalProperties: false,
  properties: {
    collection: { type: 'string', enum: [...SEARCHABLE_COLLECTIONS] },
    id: { type: 'string' },
    slug: nullableString,
    title: { type: 'string' },
    url: { type: 'string', description: 'The document on the frontend (FRONTEND_URL).' },
    snippet: {
      type: 'string',
      description: 'HTML: matches in <mark>…</mark>, everything else escaped.',
    },
    score: { type: 'number', description: 'Higher is better; comparable within one answer.' },
    date: {
      ...nullableString,
      description:
        'ISO 8601: publishedAt (blogs, interviews), publishedDate (reports), startsAt (events), 1 January of the year (Lab themes).',
    },
    topics: { type: 'array', items: { type: 'string' } },
    region: { type: 'string' },
  },
}

const responseSchema: JSONSchema = {
  type: 'object',
  required: [
    'docs',
    'totalDocs',
    'limit',
    'page',
    'totalPages',
    'hasNextPage',
    'hasPrevPage',
    'correctedQuery',
  ],
  properties: {
    docs: { type: 'array', items: resultSchema },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    page: { type: 'integer' },
    totalPages: { type: 'integer' },
    hasNextPage: { type: 'boolean' },
    hasPrevPage: { type: 'boolean' },
    correctedQuery: {
      ...nullableString,
      description:
        'Set when nothing matched as typed and the results are for this corrected query.',
    },
  },
}

const query = (name: string, description: string, schema: JSONSchema, required = false) => ({
  name,
  in: 'query' as const,
  required,
  description,
  schema,
})

/** `GET /api/search`: ranked full-text search of published content (public, cacheable). */
export const searchEndpoint = documented<Endpoint>(
  {
    path: SEARCH_PATH,
    method: 'get',
    handler: async (req) => {
      const backend = searchBackend(req.payload)
      if (!backend) return errorResponse(501, MONGODB_UNSUPPORTED)
      const parsed = parseSearchParams(req.searchParams)
      if (!parsed.ok) return badRequest(parsed.field, parsed.message)
      return Response.json(await runSearch(backend, parsed.request))
    },
  },
  {
    summary: 'Search published blogs, interviews, events, Lab themes and evaluation reports',
    description:
      'Words, "quoted phrases", -exclusions and OR; the last word also matches as a prefix. Title matches rank above summary and body matches. When nothing matches as typed, words are corrected to the closest indexed word (one typo up to 7 letters, two beyond) and `correctedQuery` says so.',
    tags: ['search'],
    audience: 'public',
    parameters: [
      query('q', `The words (1–${MAX_QUERY_LENGTH} characters).`, { type: 'string' }, true),
      query('collections', 'Comma-separated collections (default: all).', { type: 'string' }),
      query('limit', `Results per page (default ${DEFAULT_LIMIT}).`, {
        type: 'integer',
        minimum: 1,
        maximum: MAX_LIMIT,
      }),
      query('page', 'Page (default 1).', { type: 'integer', minimum: 1, maximum: MAX_PAGE }),
      query('topic', 'Only documents with this topic (blogs carry topics).', {
        type: 'string',
        enum: TOPICS.map((topic) => topic.value),
      }),
      query('region', 'Only documents in this region (events carry a region).', {
        type: 'string',
        enum: REGIONS.map((region) => region.value),
      }),
      query('from', 'Only documents dated on or after this day (YYYY-MM-DD).', {
        type: 'string',
        format: 'date',
      }),
      query('to', 'Only documents dated on or before this day (YYYY-MM-DD).', {
        type: 'string',
        format: 'date',
      }),
    ],
    responses: {
      '200': jsonResponseDoc('One page of results, best first.', responseSchema),
      '400': errorResponseDoc('A parameter is missing or invalid (named in the error).'),
      '429': errorResponseDoc('Too many searches from this address.'),
      '501': errorResponseDoc('The database has no full-text search here (MongoDB).'),
    },
  },
)
