import {
  errorResponseDoc,
  jsonResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'
import type { SanitizedCollectionConfig } from 'payload'

import type { Context } from './collectionPaths'
import { addOperation, operationId, type Paths, ref } from './operations'

const object = (properties: Record<string, JSONSchema>, required: string[] = []): JSONSchema => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
})

const MESSAGE = object({ message: { type: 'string' } }, ['message'])
const EMAIL = { type: 'string', format: 'email' }
const TOKEN = { type: 'string', description: 'Send as `Authorization: JWT <token>`.' }
const EXP = { type: 'integer', description: 'When the token expires (seconds since 1970).' }

const jsonBody = (schema: JSONSchema) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/**
 * An auth collection's login routes (members and staff log in the same way, at their own
 * collection's path). Payload's `first-register`, `init`, `unlock` and `verify` are left out: the
 * first is the host's own endpoint (documented with it), the others are for the admin UI or
 * turned off (`verify: false`).
 */
export const addAuthPaths = (
  paths: Paths,
  collection: SanitizedCollectionConfig,
  { api }: Pick<Context, 'api'>,
) => {
  const { slug } = collection
  const user = ref(slug)
  const tags = [slug]
  const at = (name: string) => `${api}/${slug}/${name}`
  const add = (
    method: 'get' | 'post',
    name: string,
    operation: Omit<Parameters<typeof addOperation>[3], 'operationId' | 'tags'>,
  ) =>
    addOperation(paths, at(name), method, {
      operationId: operationId(method, at(name)),
      tags,
      'x-audience': 'public',
      ...operation,
    })

  add('post', 'login', {
    summary: `Log in (${slug})`,
    description:
      'Sets the HTTP-only auth cookie and answers the token. Too many failures lock the account for a while; too many attempts from one address answer 429.',
    security: [],
    requestBody: jsonBody(
      object({ email: EMAIL, password: { type: 'string', writeOnly: true } }, [
        'email',
        'password',
      ]),
    ),
    responses: {
      200: jsonResponseDoc(
        'Logged in.',
        object({ message: { type: 'string' }, user, token: TOKEN, exp: EXP }, ['user', 'token']),
      ),
      400: errorResponseDoc('Email or password missing.'),
      401: errorResponseDoc('Wrong email or password, or the account is locked.'),
      429: errorResponseDoc('Too many login attempts from this address.'),
    },
  })
  add('post', 'logout', {
    summary: `Log out (${slug})`,
    description: 'Clears the auth cookie and ends the session.',
    responses: {
      200: jsonResponseDoc('Logged out.', MESSAGE),
      400: errorResponseDoc('Not logged in.'),
    },
  })
  add('get', 'me', {
    summary: `The logged-in ${slug} account`,
    description: '`user` is null when the caller is not logged in as one of these.',
    responses: {
      200: jsonResponseDoc(
        'The account, or null.',
        object(
          {
            user: { anyOf: [user, { type: 'null' }] },
            collection: { type: 'string' },
            strategy: { type: 'string', description: 'How the caller logged in (`local-jwt`).' },
            token: TOKEN,
            exp: EXP,
            message: { type: 'string' },
          },
          ['user'],
        ),
      ),
    },
  })
  add('post', 'refresh-token', {
    summary: `Refresh the token (${slug})`,
    responses: {
      200: jsonResponseDoc(
        'A new token (and cookie).',
        object({ message: { type: 'string' }, refreshedToken: TOKEN, exp: EXP, user }),
      ),
      401: errorResponseDoc('Not logged in.'),
    },
  })
  add('post', 'forgot-password', {
    summary: `Email a password-reset link (${slug})`,
    description:
      'Answers the same whether or not the address has an account, so it tells nobody who is registered.',
    security: [],
    requestBody: jsonBody(object({ email: EMAIL }, ['email'])),
    responses: {
      200: jsonResponseDoc('Sent (if the account exists).', MESSAGE),
      400: errorResponseDoc('No email given.'),
      429: errorResponseDoc('Too many requests from this address.'),
    },
  })
  add('post', 'reset-password', {
    summary: `Set a new password with the emailed token (${slug})`,
    security: [],
    requestBody: jsonBody(
      object({ token: { type: 'string' }, password: { type: 'string', writeOnly: true } }, [
        'token',
        'password',
      ]),
    ),
    responses: {
      200: jsonResponseDoc(
        'Password changed and logged in.',
        object({ message: { type: 'string' }, token: TOKEN, user }),
      ),
      400: errorResponseDoc('Missing or expired token, or a password the rules refuse.'),
      403: errorResponseDoc('The token is not valid.'),
      429: errorResponseDoc('Too many requests from this address.'),
    },
  })
}
