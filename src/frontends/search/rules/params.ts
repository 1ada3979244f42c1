import { REGIONS } from '@/fields/regions'
import { TOPICS } from '@/fields/topics'
import { parseDay } from '@/network/endpoints/params'

import {
  DEFAULT_LIMIT,
  isSearchableCollection,
  MAX_LIMIT,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  SEARCHABLE_COLLECTIONS,
  type SearchableCollection,
} from '../constants'
import { type ParsedQuery, parseQuery } from './query'

/** A validated search request. Dates are ISO instants: `from` inclusive, `until` exclusive. */
export type SearchRequest = {
  q: string
  query: ParsedQuery
  collections: SearchableCollection[]
  limit: number
  page: number
  topic: string | null
  region: string | null
  from: string | null
  until: string | null
}

export type ParamsResult =
  { ok: true; request: SearchRequest } | { ok: false; field: string; message: string }

const fail = (field: string, message: string): ParamsResult => ({ ok: false, field, message })

const integer = (raw: string | null, fallback: number, min: number, max: number) => {
  if (raw === null || raw === '') return fallback
  if (!/^\d{1,6}$/.test(raw)) return null
  const value = Number(raw)
  return value >= min && value <= max ? value : null
}

const TOPIC_VALUES: ReadonlySet<string> = new Set(TOPICS.map((topic) => topic.value))
const REGION_VALUES: ReadonlySet<string> = new Set(REGIONS.map((region) => region.value))

const nextDay = (day: string) => {
  const date = new Date(`${day}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString()
}

/** Reads `q`, `collections`, `limit`, `page`, `topic`, `region`, `from`, `to`; the first bad one is named. */
export const parseSearchParams = (params: URLSearchParams): ParamsResult => {
  const q = params.get('q')?.trim() ?? ''
  if (!q) return fail('q', 'q is required: the words to search for.')
  if (q.length > MAX_QUERY_LENGTH)
    return fail('q', `q may be at most ${MAX_QUERY_LENGTH} characters long.`)
  const parsed = parseQuery(q)
  if (!parsed.ok) return fail('q', parsed.message)

  const rawCollections = params.get('collections')
  let collections: SearchableCollection[] = [...SEARCHABLE_COLLECTIONS]
  if (rawCollections !== null && rawCollections.trim() !== '') {
    const names = rawCollections.split(',').map((name) => name.trim())
    const unknown = names.find((name) => !isSearchableCollection(name))
    if (unknown !== undefined)
      return fail(
        'collections',
        `collections must be a comma-separated list of ${SEARCHABLE_COLLECTIONS.join(', ')}.`,
      )
    collections = [...new Set(names.filter(isSearchableCollection))]
  }

  const limit = integer(params.get('limit'), DEFAULT_LIMIT, 1, MAX_LIMIT)
  if (limit === null) return fail('limit', `limit must be an integer from 1 to ${MAX_LIMIT}.`)
  const page = integer(params.get('page'), 1, 1, MAX_PAGE)
  if (page === null) return fail('page', `page must be an integer from 1 to ${MAX_PAGE}.`)

  const topic = params.get('topic') || null
  if (topic !== null && !TOPIC_VALUES.has(topic))
    return fail('topic', `topic must be one of ${[...TOPIC_VALUES].join(', ')}.`)
  const region = params.get('region') || null
  if (region !== null && !REGION_VALUES.has(region))
    return fail('region', `region must be one of ${[...REGION_VALUES].join(', ')}.`)

  const dates: Record<'from' | 'to', string | null> = { from: null, to: null }
  for (const name of ['from', 'to'] as const) {
    const raw = params.get(name)
    if (raw === null || raw === '') continue
    dates[name] = parseDay(raw)
    if (dates[name] === null) return fail(name, `${name} must be a date written YYYY-MM-DD.`)
  }
  if (dates.from && dates.to && dates.from > dates.to)
    return fail('from', 'from must not be after to.')

  return {
    ok: true,
    request: {
      q,
      query: parsed.query,
      collections,
      limit,
      page,
      topic,
      region,
      from: dates.from ? `${dates.from}T00:00:00.000Z` : null,
      until: dates.to ? nextDay(dates.to) : null,
    },
  }
}
