import { frontendDocumentURL } from '../documentURL'
import type { SearchBackend, SearchHit, SearchPage } from './backends/types'
import type { SearchRequest } from './rules/params'
import { correctableWords, queryText, withCorrections } from './rules/query'
import { snippetHtml } from './rules/snippet'
import { candidateRange, closestTerm } from './rules/typos'

/** One result as the API answers it. */
export type SearchResult = {
  collection: string
  id: string
  slug: string | null
  title: string
  url: string
  snippet: string
  score: number
  date: string | null
  topics?: string[]
  region?: string
}

/** The answer of `GET /api/search`, paginated as Payload's lists are. */
export type SearchResponse = {
  docs: SearchResult[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
  /** When nothing matched as typed and typo correction found something: the query that was run. */
  correctedQuery: string | null
}

const toResult = (hit: SearchHit): SearchResult => ({
  collection: hit.collection,
  id: hit.docId,
  slug: hit.slug,
  title: hit.title,
  url: frontendDocumentURL(hit.collection, { id: hit.docId, slug: hit.slug }),
  snippet: snippetHtml(hit.marked),
  score: Math.round(hit.score * 1e6) / 1e6,
  date: hit.date,
  ...(hit.topics.length ? { topics: hit.topics } : {}),
  ...(hit.region ? { region: hit.region } : {}),
})

/**
 * Words of the query the index does not know, replaced by the closest vocabulary word within
 * their allowed typos (rules/typos.ts); empty when there is nothing to correct.
 */
const corrections = async (backend: SearchBackend, words: string[]) => {
  const found = new Map<string, string>()
  for (const word of words) {
    const candidates = await backend.candidates(candidateRange(word))
    const closest = closestTerm(word, candidates)
    if (closest) found.set(word, closest)
  }
  return found
}

/** Runs a validated search; when nothing matches as typed, once more with typos corrected. */
export const runSearch = async (
  backend: SearchBackend,
  request: SearchRequest,
): Promise<SearchResponse> => {
  const { query, limit, page } = request
  const offset = (page - 1) * limit
  let result: SearchPage = await backend.search(query, request, limit, offset)
  let correctedQuery: string | null = null
  if (result.total === 0) {
    const fixes = await corrections(backend, correctableWords(query))
    if (fixes.size > 0) {
      const corrected = withCorrections(query, fixes)
      const retry = await backend.search(corrected, request, limit, offset)
      if (retry.total > 0) {
        result = retry
        correctedQuery = queryText(corrected)
      }
    }
  }
  const totalPages = Math.ceil(result.total / limit)
  return {
    docs: result.hits.map(toResult),
    totalDocs: result.total,
    limit,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    correctedQuery,
  }
}
