import type { JSONSchema } from '@q-community/plugin-shared/openapi'
import {
  configToJSONSchema,
  type FlattenedField,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  type SanitizedGlobalConfig,
} from 'payload'

/**
 * Field schemas come from Payload's own `configToJSONSchema` (what `generate:types` writes
 * payload-types.ts from), so they follow the config exactly: required fields, select enums,
 * relationships (an id or the populated document, `{ relationTo, value }` when polymorphic), uploads,
 * arrays, groups, blocks, Lexical rich text as `{ root }`. What it writes for TypeScript is adapted
 * here to what the REST API answers and accepts.
 */

type Schema = JSONSchema
type Entity = SanitizedCollectionConfig | SanitizedGlobalConfig

/** Keys whose value maps names to schemas (their keys are field names, never keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions'])

/**
 * `#/definitions/x` → `#/components/schemas/x`; TypeScript-only keywords left out; `oneOf` read
 * as `anyOf`: Payload's alternatives (an id or the document; one object per `relationTo`) never
 * overlap but in `null`, which each nullable branch accepts, and `oneOf` refuses a value two
 * branches accept.
 */
export const toOpenAPISchema = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toOpenAPISchema)
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'tsType') continue
    if (key === 'oneOf') out.anyOf = toOpenAPISchema(value)
    else if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace(/^#\/definitions\//, '#/components/schemas/')
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toOpenAPISchema(schema)]),
      )
    else out[key] = toOpenAPISchema(value)
  }
  // A select that may be empty is `type: [string, null]` with an enum of its options only: the
  // enum would refuse the null the type allows.
  if (Array.isArray(out.enum) && Array.isArray(out.type) && out.type.includes('null'))
    if (!out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

const properties = (schema: Schema) => schema.properties as Record<string, Schema> | undefined
const requiredOf = (schema: Schema) => (schema.required as string[] | undefined) ?? []
const withoutRequired = (schema: Schema, names: Set<string>) => {
  const required = requiredOf(schema).filter((name) => !names.has(name))
  if (required.length) schema.required = required
  else delete schema.required
}

/**
 * Answers never carry hidden fields (password hashes, reset tokens, sessions), and a field with
 * its own read access is absent for readers it refuses (an event's members-only `onlineUrl`, a
 * member's email): it cannot be required in an answer.
 */
const adaptToReads = (schema: Schema | undefined, fields: FlattenedField[]) => {
  const props = schema && properties(schema)
  if (!schema || !props) return
  const optional = new Set<string>()
  for (const field of fields) {
    if (field.hidden === true) {
      delete props[field.name]
      optional.add(field.name)
      continue
    }
    if (field.access?.read) optional.add(field.name)
    const nested = props[field.name]
    if (!nested) continue
    // Payload answers dates as ISO 8601 strings.
    if (field.type === 'date') nested.format = 'date-time'
    if (field.type === 'group' || field.type === 'tab') adaptToReads(nested, field.flattenedFields)
    if (field.type === 'array') adaptToReads(nested.items as Schema, field.flattenedFields)
  }
  withoutRequired(schema, optional)
}

/** The answer's schema of a collection or global: Payload's, adapted to reads. */
const readSchema = (schema: Schema, entity: Entity, isGlobal: boolean): Schema => {
  const copy = structuredClone(schema)
  adaptToReads(copy, entity.flattenedFields)
  const props = properties(copy)
  // Written, never read back.
  if (props) delete props.password
  // Payload adds the auth collection's slug and the login strategy to a logged-in user (`me`,
  // `login`), not to reads.
  withoutRequired(copy, new Set(['password', 'collection']))
  if (props && 'auth' in entity && entity.auth) props._strategy = { type: 'string' }
  // A global's answer names it, and has no id.
  if (props && isGlobal) props.globalType = { const: entity.slug }
  if (isGlobal) withoutRequired(copy, new Set(['id']))
  return copy
}

/** Set by the server, never by a writer. */
const SERVER_OWNED = new Set(['id', 'createdAt', 'updatedAt', 'collection', 'deletedAt'])
/** What an upload collection fills in from the file itself. */
const FROM_THE_FILE = new Set([
  'url',
  'thumbnailURL',
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'sizes',
])

/**
 * The body of a create (`required` kept, less fields with a default) or an update (nothing
 * required): the answer's fields less what the server sets, virtual fields and joins.
 */
const writeSchema = (read: Schema, entity: Entity, forCreate: boolean): Schema => {
  const copy = structuredClone(read)
  const props = properties(copy) ?? {}
  const isUpload = 'upload' in entity && Boolean(entity.upload)
  const isAuth = 'auth' in entity && Boolean(entity.auth)
  const notWritten = new Set([...SERVER_OWNED, ...(isUpload ? FROM_THE_FILE : [])])
  const defaulted = new Set<string>()
  for (const field of entity.flattenedFields) {
    if (field.type === 'join' || ('virtual' in field && field.virtual)) notWritten.add(field.name)
    if ('defaultValue' in field && field.defaultValue !== undefined) defaulted.add(field.name)
  }
  for (const name of [...notWritten, 'globalType']) delete props[name]
  if (isAuth) props.password = { type: 'string', writeOnly: true }
  delete copy.title
  if (forCreate) withoutRequired(copy, new Set([...notWritten, ...defaulted]))
  else delete copy.required
  return copy
}

export type EntitySchemas = {
  /** Component name → schema, every one a `$ref` may point at. */
  components: Record<string, Schema>
  /** Component names of each collection's or global's answer and write bodies. */
  names: (slug: string) => { read: string; create: string; update: string }
}

const namesOf = (slug: string) => ({
  read: slug,
  create: `${slug}_create`,
  update: `${slug}_update`,
})

/** Every `$ref` name under `node`. */
const refsIn = (node: unknown, found: Set<string>): Set<string> => {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found))
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const match = /^#\/components\/schemas\/(.+)$/.exec(value)
        if (match) found.add(match[1])
      } else refsIn(value, found)
    }
  return found
}

/**
 * The schemas of `entities` (collections and globals) in OpenAPI form, with every definition they
 * refer to (blocks, named interfaces, time zones), and nothing else Payload generates for types.
 */
export const entitySchemas = (
  config: SanitizedConfig,
  defaultIDType: 'number' | 'text',
  entities: Entity[],
): EntitySchemas => {
  const generated = configToJSONSchema(config, defaultIDType)
  const definitions = toOpenAPISchema(generated.definitions ?? {}) as Record<string, Schema>
  const globals = new Set<string>(config.globals.map((global) => global.slug))
  const components: Record<string, Schema> = {}
  for (const entity of entities) {
    const names = namesOf(entity.slug)
    const read = readSchema(
      definitions[entity.slug] ?? { type: 'object' },
      entity,
      globals.has(entity.slug),
    )
    components[names.read] = read
    components[names.create] = writeSchema(read, entity, true)
    components[names.update] = writeSchema(read, entity, false)
  }
  // Everything referred to, transitively: a relationship to a collection left out of the
  // document (Payload's own) still gets its schema.
  const pending = [...refsIn(components, new Set())]
  while (pending.length) {
    const name = pending.pop() as string
    if (components[name] || !definitions[name]) continue
    const entity = [...config.collections, ...config.globals].find((item) => item.slug === name)
    components[name] = entity
      ? readSchema(definitions[name], entity, globals.has(name))
      : definitions[name]
    pending.push(...refsIn(components[name], new Set()))
  }
  return { components, names: namesOf }
}
