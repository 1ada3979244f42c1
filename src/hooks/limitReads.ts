import {
  type CollectionBeforeOperationHook,
  type Config,
  type Plugin,
  ValidationError,
} from 'payload'

import { isStaffUser, type RequestUser } from '@/access/checkRole'
import { settings } from '@/config/settings'

export type ReadLimits = {
  /** Largest `limit` (and join `limit`) a client may ask for; `0` ("everything") is refused. */
  maxLimit: number
  /** Deepest relationship population (`depth`) a client may ask for. */
  maxDepth: number
}

/** The arguments of a collection operation this rule looks at (REST query string or GraphQL arguments). */
export type ReadArgs = { limit?: unknown; pagination?: unknown; depth?: unknown; joins?: unknown }

export type ReadLimitProblem = { field: string; message: string }

const wholeNumberIn = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/**
 * Why a client's read is refused, or null. Pure, so it is unit-tested on its own. Refusing (400
 * naming the parameter) rather than silently clamping keeps a frontend from showing 100 rows while
 * believing it asked for 500.
 */
export const readLimitProblem = (
  args: ReadArgs,
  { maxLimit, maxDepth }: ReadLimits,
): ReadLimitProblem | null => {
  if (args.pagination === false) {
    return {
      field: 'pagination',
      message: `pagination=false is for staff only: read page by page with limit (at most ${maxLimit}) and page.`,
    }
  }
  if (args.limit !== undefined && !wholeNumberIn(args.limit, 1, maxLimit)) {
    return { field: 'limit', message: `limit must be a whole number from 1 to ${maxLimit}.` }
  }
  if (args.depth !== undefined && !wholeNumberIn(args.depth, 0, maxDepth)) {
    return { field: 'depth', message: `depth must be a whole number from 0 to ${maxDepth}.` }
  }
  if (args.joins && typeof args.joins === 'object') {
    for (const [path, join] of Object.entries(args.joins)) {
      const limit: unknown =
        join && typeof join === 'object' && 'limit' in join ? join.limit : undefined
      if (limit !== undefined && !wholeNumberIn(limit, 1, maxLimit)) {
        return {
          field: 'joins',
          message: `joins[${path}][limit] must be a whole number from 1 to ${maxLimit}.`,
        }
      }
    }
  }
  return null
}

/**
 * Payload's REST handlers and GraphQL resolvers start operations without `overrideAccess`; the
 * server's own Local API calls always pass it (default true), including the relationship loader
 * that fetches populated documents with `pagination: false`. Only the former carry a client's
 * arguments, so only they are limited.
 */
const isClientOperation = (
  overrideAccess: boolean | undefined,
  payloadAPI: string | undefined,
): boolean => overrideAccess === undefined && payloadAPI !== 'local'

const readOperations = new Set(['read', 'readDistinct'])

/** Refuses reads beyond the limits for anyone but staff (staff keep full power). */
export const limitReads =
  (limits: () => ReadLimits): CollectionBeforeOperationHook =>
  ({ args, operation, overrideAccess, req }) => {
    if (!isClientOperation(overrideAccess, req.payloadAPI) || isStaffUser(req.user as RequestUser))
      return args
    const clientArgs = args as ReadArgs
    // depth applies to every operation that returns documents (a create's answer is populated too).
    const checked: ReadArgs = readOperations.has(operation)
      ? clientArgs
      : { depth: clientArgs.depth }
    const problem = readLimitProblem(checked, limits())
    if (problem)
      throw new ValidationError({ errors: [{ path: problem.field, message: problem.message }] })
    return args
  }

const limitsFromSettings = (): ReadLimits => ({
  maxLimit: settings.apiMaxLimit,
  maxDepth: settings.apiMaxDepth,
})

/**
 * Adds `limitReads` to every collection of the config, the plugins' own included, so it must be
 * the last plugin. Payload's `payload-*` collections are added after plugins run; their access
 * rules keep them to staff (or to a user's own preferences).
 */
export const limitReadsPlugin =
  (limits: () => ReadLimits = limitsFromSettings): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [limitReads(limits), ...(collection.hooks?.beforeOperation ?? [])],
      },
    })),
  })
