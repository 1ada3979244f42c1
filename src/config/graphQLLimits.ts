import depthLimit from 'graphql-depth-limit'
import type { ExecutionArgs, ValidationRule } from 'graphql'

import { isStaffUser, type RequestUser } from '@/access/checkRole'
import { costLimit } from '@/graphql/costLimit'

import { settings } from './settings'

/**
 * Related documents assumed per parent for a list that takes no `limit` (a hasMany relationship,
 * an array of blocks holding relationships): none of our collections has one long enough to matter.
 */
const RELATIONSHIP_LIST_SIZE = 10

/** Payload's GraphQL handler passes `{ req }` as the context; `req.user` is already authenticated. */
const requestUser = (args: ExecutionArgs | undefined): RequestUser => {
  const context: unknown = args?.contextValue
  if (!context || typeof context !== 'object' || !('req' in context)) return null
  const req: unknown = context.req
  return req && typeof req === 'object' && 'user' in req ? (req.user as RequestUser) : null
}

/**
 * Payload enforces `maxComplexity` itself; depth is limited here so a deeply nested query through
 * relationships is refused before it runs ("'…' exceeds maximum operation depth of N"). The cost
 * limit (root fields, documents read) applies to everyone but staff, like the REST read limits.
 */
export const graphQLValidationRules = (args?: ExecutionArgs): ValidationRule[] => [
  depthLimit(settings.graphQLMaxDepth),
  ...(isStaffUser(requestUser(args))
    ? []
    : [
        costLimit({
          maxRootFields: settings.graphQLMaxRootFields,
          maxDocuments: settings.graphQLMaxDocuments,
          maxListSize: settings.apiMaxLimit,
          relationshipListSize: RELATIONSHIP_LIST_SIZE,
          maxDepthArgument: settings.apiMaxDepth,
          variables: args?.variableValues,
        }),
      ]),
]
