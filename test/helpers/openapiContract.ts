import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/**
 * Checks real responses against the OpenAPI document: finds the operation by path template and
 * method, the response by status and media type, compiles its schema with Ajv (JSON Schema
 * 2020-12, formats checked) and validates the body. Objects that list `properties` and say nothing
 * of others are closed (`additionalProperties: false`), so an answer with a field the document
 * does not name fails, as does one whose field has another type.
 */

type Schema = { [keyword: string]: unknown }
type MediaTypes = Record<string, { schema?: Schema }>
type ResponseObject = { description?: string; content?: MediaTypes }
type OperationObject = { responses?: Record<string, ResponseObject> }
export type ContractDocument = {
  paths: Record<string, Record<string, OperationObject | unknown>>
  components?: { schemas?: Record<string, Schema> }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

const ROOT = 'urn:q-community:openapi'

/** Component refs as refs into one registered schema (Ajv resolves `$defs` by id). */
const rewriteRefs = <T>(schema: T): T =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${ROOT}#/$defs/`)) as T

const COMPOSITION = ['allOf', 'anyOf', 'oneOf', '$ref']

/** Closes every object schema that lists its properties and leaves the rest unsaid. */
export const closeObjects = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(closeObjects)
  if (!node || typeof node !== 'object') return node
  const schema = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'properties' || key === '$defs'
        ? Object.fromEntries(
            Object.entries(value as Schema).map(([name, sub]) => [name, closeObjects(sub)]),
          )
        : closeObjects(value),
    ]),
  ) as Schema
  const open =
    'additionalProperties' in schema ||
    'patternProperties' in schema ||
    'unevaluatedProperties' in schema ||
    COMPOSITION.some((keyword) => keyword in schema)
  if (schema.properties && !open) schema.additionalProperties = false
  return schema
}

type Compiled = { ajv: Ajv2020; validators: Map<string, ValidateFunction> }
const compiled = new WeakMap<ContractDocument, Compiled>()

const compilerFor = (document: ContractDocument): Compiled => {
  let entry = compiled.get(document)
  if (!entry) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true })
    addFormats(ajv)
    ajv.addSchema(
      closeObjects(rewriteRefs({ $id: ROOT, $defs: document.components?.schemas ?? {} })) as Schema,
    )
    entry = { ajv, validators: new Map() }
    compiled.set(document, entry)
  }
  return entry
}

const templateMatcher = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  )

/** The document's path template for a concrete path (a literal template wins over `{param}`s). */
export const findPathTemplate = (document: ContractDocument, path: string): string | undefined => {
  const pathname = path.split('?')[0]
  if (document.paths[pathname]) return pathname
  const matches = Object.keys(document.paths).filter((template) =>
    templateMatcher(template).test(pathname),
  )
  // The template with the fewest parameters is the most specific.
  return matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0]
}

export type ContractCheck = {
  operation: string
  errors: string[]
}

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(
    (error) =>
      `${error.instancePath || '(body)'} ${error.message}${
        error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : ''
      } [${error.schemaPath}]`,
  )

/**
 * The problems with one response (empty when it matches): the path, method, status and media
 * type must be documented and a JSON body must validate against the documented schema.
 */
export const contractErrors = (
  document: ContractDocument,
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): ContractCheck => {
  const verb = method.toLowerCase()
  const template = findPathTemplate(document, path)
  const operationName = `${verb.toUpperCase()} ${template ?? path} → ${status}`
  if (!template)
    return { operation: operationName, errors: [`no path in the document matches ${path}`] }
  const operation = document.paths[template][verb] as OperationObject | undefined
  if (!operation)
    return { operation: operationName, errors: [`${template} has no ${verb} operation`] }
  const responses = operation.responses ?? {}
  const response =
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default
  if (!response)
    return {
      operation: operationName,
      errors: [
        `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
      ],
    }
  const mediaType = contentType.split(';')[0].trim().toLowerCase()
  const content = response.content ?? {}
  const media = content[mediaType]
  if (!media)
    return {
      operation: operationName,
      errors: [
        `media type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ') || 'none'})`,
      ],
    }
  if (!/json/.test(mediaType) || !media.schema) return { operation: operationName, errors: [] }
  const { ajv, validators } = compilerFor(document)
  const key = `${verb} ${template} ${status} ${mediaType}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(closeObjects(rewriteRefs(media.schema)) as Schema)
    validators.set(key, validate)
  }
  return validate(body)
    ? { operation: operationName, errors: [] }
    : { operation: operationName, errors: describe(validate.errors) }
}

/** A response already read: what `expectResponseMatchesContract` needs of it. */
export type ReadResponse = { status: number; contentType: string; text: string }

/**
 * Asserts that a real response (a fetch `Response`, or one already read) matches the document
 * (see `contractErrors`); the failure names the operation, each schema error and the start of the
 * body. Returns the parsed body.
 */
export const expectResponseMatchesContract = async (
  document: ContractDocument,
  method: string,
  path: string,
  response: Response | ReadResponse,
): Promise<unknown> => {
  const read: ReadResponse =
    response instanceof Response
      ? {
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          text: await response.text(),
        }
      : response
  const { status, contentType, text } = read
  const body: unknown = /json/.test(contentType) && text ? JSON.parse(text) : text
  const { operation, errors } = contractErrors(document, method, path, status, contentType, body)
  if (errors.length)
    throw new Error(
      `${operation} does not match the OpenAPI document:\n  ${errors.slice(0, 15).join('\n  ')}\nbody: ${text.slice(0, 600)}`,
    )
  return body
}
