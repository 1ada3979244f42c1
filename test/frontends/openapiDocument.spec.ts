import type { EndpointResponse } from '@q-community/plugin-shared/openapi'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { SanitizedConfig } from 'payload'

import { customEndpoints } from '@/frontends/openapi/customEndpoints'
import { buildOpenAPIDocument, LEFT_OUT, type OpenAPIDocument } from '@/frontends/openapi/document'
import { openAPIDocumentOf } from '@/frontends/openapi/memo'

let config: SanitizedConfig
let document: OpenAPIDocument

beforeAll(async () => {
  const { default: configPromise } = await import('@payload-config')
  config = await configPromise
  document = buildOpenAPIDocument(config, { defaultIDType: 'number', version: 'test' })
})

type Schema = { [keyword: string]: unknown }
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020
const schemaOf = (name: string) => document.components.schemas[name] as Schema
const propertyOf = (name: string, property: string) =>
  (schemaOf(name).properties as Record<string, Schema>)[property]

describe('the OpenAPI document generated from the config', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(document))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
  })

  it('holds schemas that are valid JSON Schema 2020-12, refs resolving', () => {
    const ajv = addFormats(new Ajv2020({ strict: true, strictTypes: false, allErrors: true }))
    const toURN = (schema: unknown) =>
      JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/', '"urn:q-community:doc#/$defs/'),
      ) as Schema
    ajv.addSchema({ $id: 'urn:q-community:doc', $defs: toURN(document.components.schemas) })
    for (const name of Object.keys(document.components.schemas))
      expect(() => ajv.getSchema(`urn:q-community:doc#/$defs/${name}`)).not.toThrow()
    // Every schema of every operation: parameters, request bodies, responses.
    let compiled = 0
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const schemas = [
          ...(operation?.parameters ?? []).map((parameter) => parameter.schema),
          ...Object.values(operation?.requestBody?.content ?? {}).map((media) => media.schema),
          ...Object.values(operation?.responses ?? {}).flatMap((response) =>
            Object.values((response as EndpointResponse).content ?? {}).map(
              (media) => media.schema,
            ),
          ),
        ]
        for (const schema of schemas) {
          try {
            ajv.compile(toURN(schema))
            compiled += 1
          } catch (error) {
            throw new Error(`${method} ${path}: ${(error as Error).message}`, { cause: error })
          }
        }
      }
    expect(compiled).toBeGreaterThan(500)
  })

  it("gives every collection but Payload's bookkeeping its REST routes", () => {
    for (const collection of config.collections) {
      const base = `/api/${collection.slug}`
      if (LEFT_OUT.has(collection.slug)) {
        expect(document.paths[base]).toBeUndefined()
        continue
      }
      expect(Object.keys(document.paths[base]).sort()).toEqual(['delete', 'get', 'patch', 'post'])
      expect(Object.keys(document.paths[`${base}/{id}`]).sort()).toEqual(['delete', 'get', 'patch'])
    }
    const list = document.paths['/api/blogs'].get
    const names = list?.parameters?.map((parameter) => parameter.name)
    expect(names).toEqual(
      expect.arrayContaining(['where', 'limit', 'page', 'sort', 'depth', 'select', 'draft']),
    )
    expect(list?.parameters?.find((parameter) => parameter.name === 'where')).toMatchObject({
      style: 'deepObject',
      explode: true,
    })
    // No drafts on events: no draft parameter.
    expect(
      document.paths['/api/events'].get?.parameters?.some(
        (parameter) => parameter.name === 'draft',
      ),
    ).toBe(false)
  })

  it('describes fields: required, enums, relationships, rich text as an object, dates', () => {
    expect(schemaOf('blogs').required).toEqual(expect.arrayContaining(['id', 'title']))
    expect(propertyOf('blogs', 'content')).toMatchObject({
      type: ['object', 'null'],
      required: ['root'],
    })
    expect(propertyOf('blogs', 'heroImage')).toEqual({
      anyOf: [{ type: ['number', 'null'] }, { $ref: '#/components/schemas/media' }],
    })
    // Polymorphic: { relationTo, value }.
    expect(JSON.stringify(propertyOf('blogs', 'author'))).toContain(
      '"relationTo":{"const":"members"}',
    )
    expect(propertyOf('blogs', 'topics')).toMatchObject({
      items: { type: 'string', enum: expect.any(Array) },
    })
    expect(propertyOf('blogs', 'publishedAt')).toMatchObject({ format: 'date-time' })
    // Writes: create requires, update does not; the server's fields are not written.
    expect(schemaOf('blogs_create').required).toEqual(expect.arrayContaining(['title']))
    expect(schemaOf('blogs_update').required).toBeUndefined()
    expect(propertyOf('blogs_create', 'id')).toBeUndefined()
    expect(propertyOf('members_create', 'password')).toMatchObject({ writeOnly: true })
  })

  it('never names hidden fields, and never requires a field readers may be refused', () => {
    const members = JSON.stringify(schemaOf('members'))
    for (const hidden of ['"salt"', '"hash"', '"resetPasswordToken"', '"password"'])
      expect(members).not.toContain(hidden)
    expect(schemaOf('members').required).not.toContain('email')
  })

  it('has the auth routes, security schemes, globals, GraphQL and the health checks', () => {
    for (const slug of ['members', 'users'])
      for (const route of [
        'login',
        'logout',
        'me',
        'refresh-token',
        'forgot-password',
        'reset-password',
      ])
        expect(document.paths[`/api/${slug}/${route}`]).toBeDefined()
    expect(Object.keys(document.components.securitySchemes)).toEqual(['payloadToken', 'jwt'])
    expect(document.paths['/api/globals/comment-policy'].get).toBeDefined()
    expect(document.paths['/api/graphql'].post).toBeDefined()
    expect(document.paths['/healthz'].get).toBeDefined()
    expect(document.paths['/readyz'].get).toBeDefined()
    expect(document.components.schemas.Error).toBeDefined()
  })

  it('documents every custom endpoint of the host and both plugins', () => {
    const undocumented = customEndpoints(config, LEFT_OUT)
      .filter((endpoint) => !endpoint.doc)
      .map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`)
    expect(undocumented).toEqual([])
    expect(document.paths['/api/openapi.json'].get?.['x-audience']).toBe('public')
  })

  it('is built once per process and small', () => {
    const payload = { config, db: { defaultIDType: 'number' } } as unknown as Parameters<
      typeof openAPIDocumentOf
    >[0]
    const first = openAPIDocumentOf(payload)
    expect(openAPIDocumentOf(payload)).toBe(first)
    expect(first.document.info.version).toMatch(/^[0-9a-f]{12}$/)
    console.info(
      `openapi.json: ${first.json.length} bytes, built in ${first.milliseconds.toFixed(1)} ms`,
    )
    expect(first.json.length).toBeLessThan(2_000_000)
  })
})
