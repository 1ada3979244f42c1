import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { JSON_MAX_DEPTH, jsonDepth } from './json'

/**
 * Checks the `where`, `sort`, `select` and `data` query parameters of a REST request against the
 * live collection config before Payload sees them: Payload answers some malformed ones with a 500
 * (an operator's value of the wrong shape, a geo operator on a text field, a `where` string that is
 * not JSON). Returns the parameter and the reason for a 400, or undefined when Payload may go on.
 * Paths it cannot resolve (through blocks or polymorphic relations) are left to Payload's own
 * checks, which answer 400.
 */
export type QueryProblem = { field: string; message: string }

export type QueryContext = {
  collection: SanitizedCollectionConfig
  /** Other collections, to follow a relationship in a dotted path. */
  collectionBySlug: (slug: string) => SanitizedCollectionConfig | undefined
  idType: 'number' | 'text'
  /** `/versions` routes query the version documents: paths start with `version.` */
  versions?: boolean
}

const SCALAR_OPERATORS = [
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
]
const LIST_OPERATORS = ['in', 'not_in', 'all']
const GEO_OPERATORS = ['near', 'within', 'intersects']
const OPERATORS = [...SCALAR_OPERATORS, ...LIST_OPERATORS, 'exists', ...GEO_OPERATORS]
const VERSION_META_FIELDS = [
  'parent',
  'latest',
  'autosave',
  'snapshot',
  'publishedLocale',
  'createdAt',
  'updatedAt',
  'id',
]
const TIMESTAMP_FIELDS = ['id', 'createdAt', 'updatedAt']
const RELATION_TYPES = ['relationship', 'upload']
const NESTING_TYPES = ['group', 'array', 'tab', 'collapsible', 'row']

type Resolved = { type: string } | 'unknown-path' | 'unresolvable'

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The type of the field a dotted path names, following groups, arrays and single-target relations. */
const resolvePath = (context: QueryContext, path: string): Resolved => {
  let segments = path.split('.')
  if (context.versions) {
    if (segments.length === 1 && VERSION_META_FIELDS.includes(segments[0]))
      return segments[0] === 'id' || segments[0] === 'parent'
        ? { type: 'id' }
        : { type: segments[0].endsWith('At') ? 'date' : 'text' }
    if (segments[0] !== 'version') return 'unknown-path'
    segments = segments.slice(1)
  }
  let fields: FlattenedField[] = context.collection.flattenedFields
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    const last = index === segments.length - 1
    if (index === 0 && segment === 'id') return last ? { type: 'id' } : 'unknown-path'
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === segment)
    if (!field)
      return index === 0 && !TIMESTAMP_FIELDS.includes(segment) ? 'unknown-path' : 'unresolvable'
    if (last)
      return {
        type:
          field.type === 'relationship' || field.type === 'upload'
            ? typeof field.relationTo === 'string'
              ? 'id'
              : 'polymorphic'
            : field.type,
      }
    if (
      RELATION_TYPES.includes(field.type) &&
      'relationTo' in field &&
      typeof field.relationTo === 'string'
    ) {
      const related = context.collectionBySlug(field.relationTo)
      if (!related) return 'unresolvable'
      fields = related.flattenedFields
      continue
    }
    if (NESTING_TYPES.includes(field.type) && 'flattenedFields' in field) {
      fields = field.flattenedFields
      continue
    }
    return 'unresolvable'
  }
  return 'unresolvable'
}

const isNumeric = (value: unknown) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
const isDate = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())
const isBooleanish = (value: unknown) =>
  typeof value === 'boolean' || value === 'true' || value === 'false'

/** Whether one value fits a field of this type (`null` always does: it means "not set"). */
const valueFits = (
  context: QueryContext,
  type: string,
  operator: string,
  value: unknown,
): boolean => {
  if (value === null || value === 'null') return true
  if (['like', 'not_like', 'contains'].includes(operator))
    return typeof value === 'string' || typeof value === 'number'
  if (type === 'number') return isNumeric(value)
  if (type === 'id')
    return context.idType === 'number'
      ? isNumeric(value)
      : typeof value === 'string' || typeof value === 'number'
  if (type === 'date') return isDate(value)
  if (type === 'checkbox') return isBooleanish(value)
  return true
}

const checkCondition = (
  context: QueryContext,
  path: string,
  condition: unknown,
): string | undefined => {
  if (!isPlainObject(condition))
    return `where[${path}] must name an operator, as where[${path}][equals]=value.`
  const resolved = resolvePath(context, path)
  if (resolved === 'unknown-path') return `${path} is not a field of ${context.collection.slug}.`
  for (const [operator, value] of Object.entries(condition)) {
    if (!OPERATORS.includes(operator))
      return `where[${path}] has an unknown operator "${operator}".`
    const type = resolved === 'unresolvable' ? undefined : resolved.type
    if (GEO_OPERATORS.includes(operator)) {
      if (type !== 'point') return `${operator} works on point fields only; ${path} is not one.`
      continue
    }
    if (operator === 'exists') {
      if (!isBooleanish(value)) return `where[${path}][exists] must be true or false.`
      continue
    }
    if (LIST_OPERATORS.includes(operator)) {
      const values = typeof value === 'string' ? value.split(',') : value
      if (!Array.isArray(values) || !values.every(isScalar))
        return `where[${path}][${operator}] must be a list of values.`
      if (type && !values.every((item) => valueFits(context, type, operator, item)))
        return `where[${path}][${operator}] has a value that does not fit a ${type} field.`
      continue
    }
    if (!isScalar(value)) return `where[${path}][${operator}] must be a single value.`
    if (type && !valueFits(context, type, operator, value))
      return `where[${path}][${operator}] does not fit a ${type} field.`
  }
  return undefined
}

const checkWhere = (context: QueryContext, where: unknown): string | undefined => {
  if (!isPlainObject(where))
    return 'where must be an object of conditions, as where[title][equals]=value.'
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const clauses = Array.isArray(value)
        ? value
        : isPlainObject(value)
          ? Object.values(value)
          : undefined
      if (!clauses) return `where[${key}] must be a list of conditions.`
      for (const clause of clauses) {
        const problem = checkWhere(context, clause)
        if (problem) return problem
      }
      continue
    }
    const problem = checkCondition(context, key, value)
    if (problem) return problem
  }
  return undefined
}

const checkSort = (context: QueryContext, sort: unknown): string | undefined => {
  const entries = typeof sort === 'string' ? sort.split(',') : sort
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string'))
    return 'sort must be field names separated by commas, as sort=-publishedAt.'
  for (const entry of entries as string[]) {
    const path = entry.trim().replace(/^[-+]/, '')
    if (path === '') continue
    if (resolvePath(context, path) === 'unknown-path')
      return `sort: ${path} is not a field of ${context.collection.slug}.`
  }
  return undefined
}

const checkSelect = (
  context: QueryContext,
  select: unknown,
  fields: FlattenedField[],
  prefix: string,
): string | undefined => {
  if (!isPlainObject(select)) return 'select must name fields, as select[title]=true.'
  for (const [key, value] of Object.entries(select)) {
    const path = prefix ? `${prefix}.${key}` : key
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === key)
    if (!field && !(prefix === '' && key === 'id'))
      return `select: ${path} is not a field of ${context.collection.slug}.`
    if (isPlainObject(value)) {
      if (!field || !('flattenedFields' in field))
        return `select: ${path} has no fields to choose from.`
      const problem = checkSelect(context, value, field.flattenedFields, path)
      if (problem) return problem
    } else if (!isBooleanish(value)) return `select[${path}] must be true or false.`
  }
  return undefined
}

/** A JSON-encoded query parameter (Payload accepts `where` and `data` as JSON strings). */
const parseJSONParam = (value: unknown): { value: unknown } | undefined => {
  if (typeof value !== 'string' || value.length === 0) return { value }
  try {
    const parsed: unknown = JSON.parse(value)
    return jsonDepth(parsed) > JSON_MAX_DEPTH ? undefined : { value: parsed }
  } catch {
    return undefined
  }
}

/**
 * `full: false` checks only what every Payload collection route parses (`where` and `data` JSON
 * strings); `full: true` also checks `where`, `sort` and `select` against the fields.
 */
export const queryProblem = (
  context: QueryContext,
  query: Record<string, unknown>,
  { full = true }: { full?: boolean } = {},
): QueryProblem | undefined => {
  if ('data' in query && !parseJSONParam(query.data))
    return { field: 'data', message: 'data must be a JSON object.' }
  if ('where' in query) {
    const where = parseJSONParam(query.where)
    if (!where) return { field: 'where', message: 'where is not valid JSON.' }
    if (!full) return undefined
    const problem = checkWhere(context, where.value)
    if (problem) return { field: 'where', message: problem }
  }
  if (!full) return undefined
  if ('sort' in query) {
    const problem = checkSort(context, query.sort)
    if (problem) return { field: 'sort', message: problem }
  }
  if ('select' in query && !context.versions) {
    const problem = checkSelect(context, query.select, context.collection.flattenedFields, '')
    if (problem) return { field: 'select', message: problem }
  }
  return undefined
}
