import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, PayloadRequest } from 'payload'

import { badRequest, errorResponse } from '@/http/errorResponses'

import { SLUGS } from '../../slugs'
import { FIRST_REGISTER_DOC, SETUP_LINK_DOC } from './docs'
import {
  clearSetupToken,
  isValidSetupToken,
  SETUP_COOKIE,
  SETUP_TOKEN_LIFETIME_MS,
  setupTokenOf,
} from './setupToken'

export const FIRST_REGISTER_MESSAGES = {
  staffExists: 'Staff accounts exist: ask an admin for an account.',
  needsSetupLink:
    'Creating the first admin needs the one-time setup link the server printed on start (or set ADMIN_EMAIL and ADMIN_PASSWORD).',
  invalidLink:
    'This setup link is not valid: it was used, has expired, or a later start replaced it. Restart the server for a new one.',
} as const

const forbidden = (message: string) => errorResponse(403, message)

const staffExists = async (req: PayloadRequest) =>
  (await req.payload.count({ collection: SLUGS.users, overrideAccess: true, req })).totalDocs > 0

const cookie = (req: PayloadRequest, value: string, maxAgeSeconds: number) => {
  const secure = req.payload.config.serverURL.startsWith('https:') ? '; Secure' : ''
  return `${SETUP_COOKIE}=${value}; Path=${req.payload.config.routes.api}/${SLUGS.users}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`
}

/**
 * `GET /api/users/setup?token=`: the link printed on start. It checks the token without using it,
 * leaves it in an HttpOnly cookie for the admin's create-first-user form (which posts to
 * first-register without our query string) and redirects there.
 */
const setupLink: Endpoint = documented<Endpoint>(
  {
    path: '/setup',
    method: 'get',
    handler: async (req) => {
      if (await staffExists(req)) return forbidden(FIRST_REGISTER_MESSAGES.staffExists)
      const token = req.searchParams.get('token')
      if (!(await isValidSetupToken(req.payload, token)))
        return badRequest('token', FIRST_REGISTER_MESSAGES.invalidLink)
      return new Response(null, {
        status: 303,
        headers: {
          Location: `${req.payload.config.serverURL}${req.payload.config.routes.admin}/create-first-user`,
          'Set-Cookie': cookie(req, token as string, SETUP_TOKEN_LIFETIME_MS / 1000),
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
        },
      })
    },
  },
  SETUP_LINK_DOC,
)

/**
 * `POST /api/users/first-register`, in front of Payload's own: refused once any staff account
 * exists, and before that only with the setup token (`?setup=` or the cookie from the setup link).
 * With a valid token Payload's handler registers and logs in the first admin, and the token is gone.
 */
const firstRegister: Endpoint = documented<Endpoint>(
  {
    path: '/first-register',
    method: 'post',
    handler: async (req) => {
      if (await staffExists(req)) return forbidden(FIRST_REGISTER_MESSAGES.staffExists)
      if (!(await isValidSetupToken(req.payload, setupTokenOf(req))))
        return forbidden(FIRST_REGISTER_MESSAGES.needsSetupLink)
      const builtIn = req.payload.collections[SLUGS.users].config.endpoints
      const payloadHandler = Array.isArray(builtIn)
        ? builtIn.find(
            (endpoint) =>
              endpoint.path === '/first-register' &&
              endpoint.method === 'post' &&
              endpoint !== firstRegister,
          )
        : undefined
      if (!payloadHandler) return forbidden(FIRST_REGISTER_MESSAGES.needsSetupLink)
      const response = await payloadHandler.handler(req)
      if (!response.ok) return response
      await clearSetupToken(req.payload)
      const headers = new Headers(response.headers)
      headers.append('Set-Cookie', cookie(req, '', 0))
      return new Response(response.body, { status: response.status, headers })
    },
  },
  FIRST_REGISTER_DOC,
)

export const usersFirstRegisterEndpoints: Endpoint[] = [firstRegister, setupLink]
