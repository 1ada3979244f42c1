import { type AfterErrorHook, type Config, defaultLoggerOptions } from 'payload'

import { errorBody } from './errorResponses'

/**
 * Refused requests (4xx) are part of normal traffic on a public API: bots must not flood the log
 * with ERROR lines and stacks. Payload logs by error class name, before any hook runs, so:
 * refusals of a known class are logged at info; `APIError` (any status) and `GraphQLError` (which
 * wraps everything GraphQL throws) are not logged by Payload at all, and `logRefusalsAtInfo` logs
 * them by their status instead. Everything else (real faults) keeps Payload's ERROR with a stack.
 */
const levels: Record<string, 'info' | false> = {
  APIError: false,
  AuthenticationError: 'info',
  Forbidden: 'info',
  GraphQLError: false,
  Locked: 'info',
  LockedAuth: 'info',
  MissingFile: 'info',
  NotFound: 'info',
  QueryError: 'info',
  UnauthorizedError: 'info',
  UnverifiedEmail: 'info',
  ValidationError: 'info',
}
export const loggingLevels: Config['loggingLevels'] = levels

/**
 * A body Payload could not read (a broken multipart upload, an unparsable `_payload` field): the
 * client's fault, which Payload reports as a plain Error (500, ERROR with a stack).
 */
export const isUnreadableBody = (error: unknown): boolean =>
  error instanceof Error &&
  /addDataAndFileToRequest|fetchAPI-multipart|[\\/]busboy[\\/]/.test(error.stack ?? '')

type WithStatus = Error & { status?: number; originalError?: Error & { status?: number } }

export const logRefusalsAtInfo: AfterErrorHook = ({ error, req, graphqlResult }) => {
  if (isUnreadableBody(error)) {
    req.payload.logger.info({ msg: `400 unreadable body: ${error.message}` })
    return {
      status: 400,
      response: errorBody('body', `The request body could not be read: ${error.message}`),
    }
  }
  const { name } = error
  if (name !== 'APIError' && name !== 'GraphQLError') return
  const cause = (error as WithStatus).originalError
  // A GraphQLError without an original error is a refused query (syntax, validation, cost).
  const status =
    name === 'GraphQLError'
      ? cause
        ? (cause.status ?? 500)
        : 400
      : ((error as WithStatus).status ?? 500)
  if (status < 500)
    req.payload.logger.info({
      msg: `${status} ${cause?.message ?? error.message}`,
      path: graphqlResult?.path,
    })
  else req.payload.logger.error({ err: cause ?? error })
}

/**
 * Payload's logger, with one change: an unreadable body (see `isUnreadableBody`), which Payload logs
 * at ERROR before any hook can tell it is the client's fault, is logged at info without a stack.
 */
export const logger: Config['logger'] = {
  destination: defaultLoggerOptions,
  options: {
    hooks: {
      logMethod(args, method, level) {
        const [first] = args as unknown[]
        const err =
          first instanceof Error
            ? first
            : first && typeof first === 'object' && 'err' in first
              ? (first as { err: unknown }).err
              : undefined
        if (level >= 50 && isUnreadableBody(err)) {
          this.info(`unreadable request body: ${(err as Error).message}`)
          return
        }
        method.apply(this, args)
      },
    },
  },
}
