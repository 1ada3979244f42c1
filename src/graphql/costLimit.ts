import {
  type FieldNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql'

export type CostLimits = {
  /** Root fields (aliases included) one operation may ask for. */
  maxRootFields: number
  /** Documents one operation may read. */
  maxDocuments: number
  /** What a list counts as when its size is not known: `limit: 0`, no `limit`, `pagination: false`, an unknown variable. */
  maxListSize: number
  /** Documents per parent assumed for a list of related documents that takes no `limit` (hasMany relationships). */
  relationshipListSize: number
  /** Largest `depth` argument (rich text population) accepted. */
  maxDepthArgument: number
  /** The request's variables, so `limit: $n` counts as what it is. */
  variables?: Readonly<Record<string, unknown>> | null
}

/** Which limit an error names; clients can branch on `extensions.limit`. */
export const COST_LIMIT_NAMES = {
  rootFields: 'GRAPHQL_MAX_ROOT_FIELDS',
  documents: 'GRAPHQL_MAX_DOCUMENTS',
  depth: 'API_MAX_DEPTH',
} as const

/** Payload's paginated list types (`Blogs`, `versionsBlogs`, join fields) all have `docs` and take `limit`. */
const docsField = (type: GraphQLNamedType) =>
  isObjectType(type) ? type.getFields().docs : undefined

const isPaginated = (field: GraphQLField<unknown, unknown>): boolean =>
  field.args.some((arg) => arg.name === 'limit') &&
  docsField(getNamedType(field.type)) !== undefined

/** The document types of a schema: the element types of every paginated list's `docs`. */
const documentTypesCache = new WeakMap<GraphQLSchema, Set<string>>()
const documentTypes = (schema: GraphQLSchema): Set<string> => {
  const cached = documentTypesCache.get(schema)
  if (cached) return cached
  const names = new Set<string>()
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue
    for (const field of Object.values(type.getFields())) {
      const docs = isPaginated(field) ? docsField(getNamedType(field.type)) : undefined
      if (docs) names.add(getNamedType(docs.type).name)
    }
  }
  documentTypesCache.set(schema, names)
  return names
}

const isList = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type)

/** The operation's arguments as the resolvers will see them: variables, their defaults, literals. */
const argumentReader = (operation: OperationDefinitionNode, limits: CostLimits) => {
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined,
    ]),
  )
  const argument = (node: FieldNode, name: string): unknown => {
    const value = node.arguments?.find((arg) => arg.name.value === name)?.value
    if (!value) return undefined
    if (value.kind === Kind.VARIABLE)
      return limits.variables?.[value.name.value] ?? defaults.get(value.name.value)
    return valueFromASTUntyped(value)
  }
  const pageSize = (node: FieldNode): number => {
    const limit = argument(node, 'limit')
    if (argument(node, 'pagination') === false) return limits.maxListSize
    return typeof limit === 'number' && Number.isInteger(limit) && limit > 0
      ? limit
      : limits.maxListSize
  }
  return { argument, pageSize }
}

type Arguments = ReturnType<typeof argumentReader>

/**
 * Counts the documents a selection reads per parent object, and collects the fields whose `depth`
 * argument is over the limit on the way.
 */
const documentCounter = (
  context: ValidationContext,
  { argument, pageSize }: Arguments,
  limits: CostLimits,
) => {
  const schema = context.getSchema()
  const docTypes = documentTypes(schema)
  const depthErrors: FieldNode[] = []
  const checkDepthArgument = (node: FieldNode, field: GraphQLField<unknown, unknown>) => {
    if (!field.args.some((arg) => arg.name === 'depth')) return
    const depth = argument(node, 'depth')
    if (typeof depth === 'number' && depth > limits.maxDepthArgument) depthErrors.push(node)
  }

  // Documents read per parent object, memoised per fragment so a fragment spread many times
  // (or fragments spreading each other) is walked once.
  const memo = new Map<string, number>()
  const walking = new Set<string>()
  const cost = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType,
    docsSize: number | null,
  ): number => {
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType
        if (type) total += cost(selection.selectionSet, type, docsSize)
        continue
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = context.getFragment(selection.name.value)
        if (!fragment) continue
        const type = schema.getType(fragment.typeCondition.name.value) ?? parentType
        const key = `${fragment.name.value}|${type.name}|${docsSize ?? ''}`
        if (walking.has(key)) continue // a cycle: NoFragmentCycles reports it
        if (!memo.has(key)) {
          walking.add(key)
          memo.set(key, cost(fragment.selectionSet, type, docsSize))
          walking.delete(key)
        }
        total += memo.get(key) ?? 0
        continue
      }
      if (selection.name.value.startsWith('__')) continue
      const field =
        isObjectType(parentType) || isInterfaceType(parentType)
          ? parentType.getFields()[selection.name.value]
          : undefined
      if (!field) continue // unknown fields are reported by the standard rules
      checkDepthArgument(selection, field)
      const type = getNamedType(field.type)
      const inner = (size: number | null) =>
        selection.selectionSet ? cost(selection.selectionSet, type, size) : 0
      if (isPaginated(field)) {
        const size = pageSize(selection)
        total += size + inner(size)
      } else if (docsSize !== null && selection.name.value === 'docs') {
        total += docsSize * inner(null)
      } else {
        const isDocument =
          docTypes.has(type.name) ||
          (isUnionType(type) && type.getTypes().some((member) => docTypes.has(member.name)))
        const count = isList(field.type) ? limits.relationshipListSize : 1
        total += count * ((isDocument ? 1 : 0) + inner(null))
      }
    }
    return total
  }
  return { cost, depthErrors }
}

/** Root fields (aliases included), following fragments once each. */
const countRootFields = (
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  seen: Set<string>,
): number =>
  selectionSet.selections.reduce((count, selection) => {
    if (selection.kind === Kind.FIELD)
      return count + (selection.name.value.startsWith('__') ? 0 : 1)
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return count + countRootFields(context, selection.selectionSet, seen)
    const fragment = context.getFragment(selection.name.value)
    if (!fragment || seen.has(fragment.name.value)) return count
    return (
      count +
      countRootFields(context, fragment.selectionSet, new Set([...seen, fragment.name.value]))
    )
  }, 0)

const reportDocuments = (
  context: ValidationContext,
  operation: OperationDefinitionNode,
  documents: number,
  limits: CostLimits,
) => {
  if (documents <= limits.maxDocuments) return
  context.reportError(
    new GraphQLError(
      `This ${operation.operation} could read up to ${documents} documents; the limit is ${limits.maxDocuments} per request (${COST_LIMIT_NAMES.documents}). Ask for smaller pages (limit) or split it into several requests.`,
      {
        nodes: [operation],
        extensions: {
          code: 'QUERY_TOO_COSTLY',
          limit: COST_LIMIT_NAMES.documents,
          maximum: limits.maxDocuments,
          actual: documents,
        },
      },
    ),
  )
}

const reportDepthArguments = (
  context: ValidationContext,
  nodes: FieldNode[],
  limits: CostLimits,
) => {
  for (const node of nodes) {
    context.reportError(
      new GraphQLError(
        `depth must be at most ${limits.maxDepthArgument} (${COST_LIMIT_NAMES.depth}).`,
        {
          nodes: [node],
          extensions: {
            code: 'QUERY_TOO_COSTLY',
            limit: COST_LIMIT_NAMES.depth,
            field: 'depth',
            maximum: limits.maxDepthArgument,
          },
        },
      ),
    )
  }
}

/**
 * Refuses, before it runs, an operation that asks for more root fields than `maxRootFields` or
 * could read more than `maxDocuments` documents. Documents are counted from the work the
 * resolvers will do: a list field reads `limit` documents (an unknown size counts as
 * `maxListSize`), everything selected inside it is multiplied by that, and each related document
 * (relationship, upload, single-document query) counts one per parent. Fragments are followed
 * wherever they are spread. Pure: it reads only the document, the schema and `limits`.
 */
export const costLimit =
  (limits: CostLimits): ValidationRule =>
  (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const rootType = context.getSchema().getRootType(operation.operation)
      if (!rootType) return
      const { cost, depthErrors } = documentCounter(
        context,
        argumentReader(operation, limits),
        limits,
      )
      reportRootFields(
        context,
        operation,
        countRootFields(context, operation.selectionSet, new Set()),
        limits,
      )
      reportDocuments(context, operation, cost(operation.selectionSet, rootType, null), limits)
      reportDepthArguments(context, depthErrors, limits)
    },
  })

const reportRootFields = (
  context: ValidationContext,
  operation: OperationDefinitionNode,
  count: number,
  limits: CostLimits,
) => {
  if (count <= limits.maxRootFields) return
  context.reportError(
    new GraphQLError(
      `This ${operation.operation} asks for ${count} root fields (aliases included); the limit is ${limits.maxRootFields} per request (${COST_LIMIT_NAMES.rootFields}). Split it into several requests.`,
      {
        nodes: [operation],
        extensions: {
          code: 'QUERY_TOO_COSTLY',
          limit: COST_LIMIT_NAMES.rootFields,
          maximum: limits.maxRootFields,
          actual: count,
        },
      },
    ),
  )
}
