import type { EndpointParameter } from '@q-community/plugin-shared/openapi'

/** A query parameter with a schema. */
const query = (
  name: string,
  description: string,
  schema: EndpointParameter['schema'],
): EndpointParameter => ({ name, in: 'query', description, schema })

/**
 * `where[<field>][<operator>]=<value>`: Payload's query syntax, nested with `and`/`or`
 * (`where[or][0][region][equals]=scotland`). Sent as a deep object.
 */
export const WHERE_PARAMETER: EndpointParameter = {
  name: 'where',
  in: 'query',
  description:
    'Filters, as `where[<field>][<operator>]=<value>` (operators: equals, not_equals, in, not_in, like, contains, exists, greater_than, less_than, near…), combined with `where[and][i]` / `where[or][i]`.',
  style: 'deepObject',
  explode: true,
  schema: { type: 'object', additionalProperties: true },
}

const LIMIT = query(
  'limit',
  'Documents per page: 1 to API_MAX_LIMIT (100) for everyone but staff; default 10.',
  { type: 'integer', minimum: 0 },
)
const PAGE = query('page', 'The page to read, from 1.', { type: 'integer', minimum: 1 })
const SORT = query(
  'sort',
  'A field to sort by, `-field` for descending; several separated by commas.',
  { type: 'string' },
)
const DEPTH = query(
  'depth',
  'How deep relationships are populated: 0 gives ids; 0 to API_MAX_DEPTH (2), default 2.',
  { type: 'integer', minimum: 0 },
)
const SELECT = query(
  'select',
  'Only these fields: `select[<field>]=true` (a deep object). Fields left out are absent from the answer.',
  { type: 'object', additionalProperties: true },
)
const DRAFT = query(
  'draft',
  'Read (or save) the newest draft instead of the published version: staff only.',
  { type: 'boolean' },
)

/** `select` is a deep object like `where`. */
const deep = (parameter: EndpointParameter): EndpointParameter => ({
  ...parameter,
  style: 'deepObject',
  explode: true,
})

export const localeParameters = (locales: string[]): EndpointParameter[] =>
  locales.length
    ? [
        query('locale', 'The locale to read or write.', {
          type: 'string',
          enum: [...locales, 'all'],
        }),
        query('fallback-locale', 'The locale to fall back to.', { type: 'string' }),
      ]
    : []

/** Parameters of a list (`GET /api/<slug>`). */
export const listParameters = (drafts: boolean, locales: string[]) => [
  WHERE_PARAMETER,
  LIMIT,
  PAGE,
  SORT,
  DEPTH,
  deep(SELECT),
  ...(drafts ? [DRAFT] : []),
  ...localeParameters(locales),
]

/** Parameters of a read of one document (by id, a global, a write's answer). */
export const oneParameters = (drafts: boolean, locales: string[]) => [
  DEPTH,
  deep(SELECT),
  ...(drafts ? [DRAFT] : []),
  ...localeParameters(locales),
]

/** The `{id}` path parameter (Payload's `:id`). */
export const idParameter = (type: 'integer' | 'string'): EndpointParameter => ({
  name: 'id',
  in: 'path',
  required: true,
  description: "The document's id.",
  schema: { type },
})
