/**
 * How an endpoint describes itself for the OpenAPI document (`GET /api/openapi.json`). Every custom
 * endpoint of the host and of both plugins carries one under `custom.openapi`; the document is
 * generated from the live config, so an endpoint without one is a gap the tests find.
 */

/** A JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12). `$ref`s may point at `#/components/schemas/*`. */
export type JSONSchema = { [keyword: string]: unknown }

export type EndpointParameter = {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  description?: string
  schema: JSONSchema
  /** How an object is serialised: `deepObject` with `explode` for `where[field][op]=…`. */
  style?: 'form' | 'simple' | 'deepObject'
  explode?: boolean
}

export type EndpointResponse = {
  description: string
  headers?: Record<string, { description?: string; schema: JSONSchema }>
  /** Media type → schema (`application/json`, `application/rss+xml`, `text/calendar`, …). */
  content?: Record<string, { schema: JSONSchema }>
}

/** Who may call an endpoint: anyone, a logged-in member or staff account, or staff only. */
export type EndpointAudience = 'public' | 'user' | 'member' | 'staff'

export type EndpointDoc = {
  summary: string
  description?: string
  /** Groups in the reference page (defaults to the collection's slug, or the first path segment). */
  tags?: string[]
  audience: EndpointAudience
  parameters?: EndpointParameter[]
  requestBody?: {
    required?: boolean
    content: Record<string, { schema: JSONSchema }>
  }
  /** Status code → response. Error statuses may use `ERROR_SCHEMA`. */
  responses: Record<string, EndpointResponse>
  /**
   * Named schemas for `components.schemas`, for `$ref: '#/components/schemas/<name>'` in this doc
   * (a recursive shape such as a reply tree needs a name to refer to itself).
   */
  schemas?: Record<string, JSONSchema>
}

/** The key under an endpoint's `custom` that holds its `EndpointDoc`. */
export const OPENAPI_CUSTOM_KEY = 'openapi'

/**
 * The error body every refusal shares (`errorResponse` in ./responses.ts and Payload's own):
 * `{ errors: [{ message, field?, data?: { errors: [{ path, message }] } }] }`.
 */
export const ERROR_SCHEMA: JSONSchema = { $ref: '#/components/schemas/Error' }

/** A JSON error response with the shared error body. */
export const errorResponseDoc = (description: string): EndpointResponse => ({
  description,
  content: { 'application/json': { schema: ERROR_SCHEMA } },
})

/** A JSON response whose body follows `schema`. */
export const jsonResponseDoc = (description: string, schema: JSONSchema): EndpointResponse => ({
  description,
  content: { 'application/json': { schema } },
})

/** The endpoint with its OpenAPI description under `custom.openapi` (other `custom` keys kept). */
export const documented = <E extends { custom?: Record<string, unknown> }>(
  endpoint: E,
  doc: EndpointDoc,
): E => ({ ...endpoint, custom: { ...endpoint.custom, [OPENAPI_CUSTOM_KEY]: doc } })

/** The endpoint's `EndpointDoc`, if it has one. */
export const endpointDoc = (endpoint: {
  custom?: Record<string, unknown>
}): EndpointDoc | undefined => endpoint.custom?.[OPENAPI_CUSTOM_KEY] as EndpointDoc | undefined
