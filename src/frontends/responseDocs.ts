import {
  type EndpointDoc,
  errorResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'

const header = (description: string) => ({ description, schema: { type: 'string' } })

/**
 * The OpenAPI responses of a generated document that readers revalidate: 200 in these media types
 * with its validators, the bodiless 304, a 400 naming a query parameter it does not take, and
 * the 429 of SYNDICATION_RATE_LIMIT (documents built afresh, per address).
 */
export const revalidatedResponses = (
  description: string,
  content: Record<string, JSONSchema>,
  lastModified?: string,
): EndpointDoc['responses'] => {
  const headers = {
    ETag: header('Strong validator of the bytes; send it back in If-None-Match.'),
    'Cache-Control': header('Public for anonymous readers; `private, no-store` with a login.'),
    ...(lastModified ? { 'Last-Modified': header(lastModified) } : {}),
  }
  return {
    '200': {
      description,
      headers,
      content: Object.fromEntries(
        Object.entries(content).map(([mediaType, schema]) => [mediaType, { schema }]),
      ),
    },
    '304': { description: 'The copy the reader has is current.', headers },
    '400': errorResponseDoc('A query parameter this document does not take (named in `field`).'),
    '429': errorResponseDoc('Too many documents built afresh from this address in a minute.'),
  }
}
