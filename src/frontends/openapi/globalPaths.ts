import { errorResponseDoc, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { SanitizedGlobalConfig } from 'payload'
import { hasDraftsEnabled } from 'payload/shared'

import type { Context } from './collectionPaths'
import { docMessageSchema } from './components'
import { addOperation, operationId, type Paths, ref } from './operations'
import { oneParameters } from './parameters'

/** A global's REST routes: read it, update it. */
export const addGlobalPaths = (
  paths: Paths,
  global: SanitizedGlobalConfig,
  { api, schemas, locales }: Context,
) => {
  const names = schemas.names(global.slug)
  const path = `${api}/globals/${global.slug}`
  const parameters = oneParameters(hasDraftsEnabled(global), locales)
  const tags = ['globals']
  addOperation(paths, path, 'get', {
    operationId: operationId('get', path),
    summary: `Read the ${global.slug} global`,
    tags,
    parameters,
    responses: {
      200: jsonResponseDoc('The global.', ref(names.read)),
      403: errorResponseDoc('The caller may not read it.'),
    },
  })
  addOperation(paths, path, 'post', {
    operationId: operationId('post', path),
    summary: `Update the ${global.slug} global`,
    tags,
    parameters,
    requestBody: { required: true, content: { 'application/json': { schema: ref(names.update) } } },
    responses: {
      200: jsonResponseDoc('Updated.', docMessageSchema(ref(names.read))),
      400: errorResponseDoc('A field the rules refuse (named).'),
      403: errorResponseDoc('The caller may not update it.'),
    },
  })
}
