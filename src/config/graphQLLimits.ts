import {
  type ExecutionArgs,
  GraphQLError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import depthLimit from 'graphql-depth-limit'

import { isStaffUser, type RequestUser } from '@/access/checkRole'
import { costLimit } from '@/graphql/costLimit'

import { settings } from './settings'

/**
 * Auth mutations Payload adds for every auth collection (`loginMember`, `forgotPasswordUser`, …).
 * Over GraphQL they escape the per-address limits of the REST routes (express counts requests, and
 * one request can carry any number of aliases), so they are not served there at all: frontends log
 * in, reset and unlock over REST. `me*`, `refreshToken*`, `logout*` and `init*` stay.
 */
export const REFUSED_AUTH_MUTATION_PREFIXES = [
  'login',
  'forgotPassword',
  'resetPassword',
  'unlock',
  'verifyEmail',
] as const

export const isRefusedAuthMutation = (fieldName: string): boolean =>
  REFUSED_AUTH_MUTATION_PREFIXES.some(
    (prefix) => fieldName.startsWith(prefix) && /^[A-Z]/.test(fieldName.slice(prefix.length)),
  )

/**
 * Refuses the auth mutations above while the query is validated, so nothing runs: no login attempt
 * is counted, no account is locked, no email is sent. Fragments on `Mutation` are covered too, as
 * the check is on the field's parent type, not on how the query spells it.
 */
export const noAuthMutations = (context: ValidationContext): ReturnType<ValidationRule> => {
  const mutationType = context.getSchema().getMutationType()
  return {
    Field(node) {
      const parent = context.getParentType()
      if (
        !mutationType ||
        parent?.name !== mutationType.name ||
        !isRefusedAuthMutation(node.name.value)
      )
        return
      context.reportError(
        new GraphQLError(
          `"${node.name.value}" is not available over GraphQL: use the REST auth endpoints (e.g. POST /api/members/login).`,
          {
            nodes: [node],
            extensions: { code: 'AUTH_MUTATION_NOT_ALLOWED', field: node.name.value },
          },
        ),
      )
    },
  }
}

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
  noAuthMutations,
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
