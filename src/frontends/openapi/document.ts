import type { JSONSchema } from '@q-community/plugin-shared/openapi'
import type { SanitizedConfig } from 'payload'

import { addAuthPaths } from './authPaths'
import { addCollectionPaths, type Context } from './collectionPaths'
import { ERROR_COMPONENT, securitySchemes } from './components'
import { addCustomEndpointPaths, customEndpoints } from './customEndpoints'
import { entitySchemas } from './entitySchemas'
import { addGlobalPaths } from './globalPaths'
import { addHostPaths } from './hostPaths'
import type { Paths } from './operations'

/**
 * Payload's bookkeeping, left out of the contract: the admin UI's preferences and document locks,
 * the jobs queue and its stats, the migrations table and the key-value store. Their REST routes
 * are staff-only (src/access/systemCollections.ts) and change with Payload, not with us.
 */
export const LEFT_OUT = new Set([
  'payload-preferences',
  'payload-locked-documents',
  'payload-migrations',
  'payload-jobs',
  'payload-kv',
  'payload-jobs-stats',
])

export type OpenAPIDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  jsonSchemaDialect: string
  servers: { url: string }[]
  tags: { name: string; description?: string }[]
  paths: Paths
  components: {
    schemas: Record<string, JSONSchema>
    securitySchemes: Record<string, unknown>
  }
}

export type BuildOptions = {
  /** The database adapter's id type (`payload.db.defaultIDType`). */
  defaultIDType: 'number' | 'text'
  version: string
}

const DESCRIPTION = `The REST API of the Q Community CMS (Payload 3), generated from its live configuration: every collection, global and custom endpoint, with the shapes of what it answers.

Log in at \`POST /api/members/login\` (members) or \`POST /api/users/login\` (staff); send the token as \`Authorization: JWT <token>\` or let the browser send the \`payload-token\` cookie. \`x-audience\` on an operation says who may call it: public, user (any account), member, staff.

Every refusal has one body (\`components.schemas.Error\`): \`{ errors: [{ message, field?, data?: { errors: [{ path, message }] } }] }\`.`

/** The OpenAPI 3.1 document of `config`. Pure: the same config gives the same document. */
export const buildOpenAPIDocument = (
  config: SanitizedConfig,
  { defaultIDType, version }: BuildOptions,
): OpenAPIDocument => {
  const api = config.routes.api
  const collections = config.collections.filter((collection) => !LEFT_OUT.has(collection.slug))
  const globals = config.globals.filter((global) => !LEFT_OUT.has(global.slug))
  const schemas = entitySchemas(config, defaultIDType, [...collections, ...globals])
  const locales = config.localization ? config.localization.localeCodes : []
  const context: Context = {
    api,
    schemas,
    idType: defaultIDType === 'number' ? 'integer' : 'string',
    locales,
  }

  const paths: Paths = {}
  addHostPaths(paths, api, config.routes.graphQL)
  for (const collection of collections) {
    addCollectionPaths(paths, collection, context)
    if (collection.auth) addAuthPaths(paths, collection, context)
  }
  for (const global of globals) addGlobalPaths(paths, global, context)
  // Last: a custom endpoint answers before Payload's own at the same path.
  const endpointSchemas: Record<string, JSONSchema> = {}
  addCustomEndpointPaths(paths, endpointSchemas, customEndpoints(config, LEFT_OUT), api)

  return {
    openapi: '3.1.0',
    info: { title: 'Q Community CMS API', version, description: DESCRIPTION },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: config.serverURL || '/' }],
    tags: [
      ...collections.map((collection) => ({ name: collection.slug })),
      { name: 'globals' },
      { name: 'graphql' },
      { name: 'operations', description: "The host's health checks (outside /api)." },
    ],
    paths,
    components: {
      schemas: { Error: ERROR_COMPONENT, ...endpointSchemas, ...schemas.components },
      securitySchemes: securitySchemes(`${config.cookiePrefix}-token`),
    },
  }
}
