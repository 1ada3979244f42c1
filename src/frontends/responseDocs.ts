import type { EndpointDoc, JSONSchema } from '@q-community/plugin-shared/openapi'

const header = (description: string) => ({ description, schema: { type: 'string' } })

/**
 * The OpenAPI responses of a generated document that readers revalidate: 200 in these media types
 * with its validators, and the bodiless 304.
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
  }
}
