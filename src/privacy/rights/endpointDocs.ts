import {
  type EndpointDoc,
  errorResponseDoc,
  jsonResponseDoc,
} from '@q-community/plugin-shared/openapi'

/** The OpenAPI descriptions of the data-rights endpoints (see src/frontends/openapi). */

const TAGS = ['privacy']
const HTML = { 'text/html': { schema: { type: 'string' } } }
const ID = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The member's id.",
  schema: { type: ['integer', 'string'] },
} as const
const TOKEN = {
  name: 'token',
  in: 'query',
  required: true,
  description: 'The single-use token from the email.',
  schema: { type: 'string' },
} as const

const EXPORT_SCHEMA = {
  type: 'object',
  required: [
    'exportedAt',
    'summary',
    'profile',
    'login',
    'comments',
    'reportsMade',
    'connections',
    'subscription',
    'deliveries',
    'consentRecords',
    'postsAuthored',
    'interviews',
    'erasureRequests',
  ],
  properties: {
    exportedAt: { type: 'string', format: 'date-time' },
    summary: { type: 'array', items: { type: 'string' } },
    profile: { type: 'object' },
    login: {
      type: 'object',
      properties: {
        sessions: { type: 'array', items: { type: 'object' } },
        loginAttempts: { type: 'integer' },
        lockUntil: { type: ['string', 'null'] },
        resetPasswordRequestedAt: { type: ['string', 'null'] },
      },
    },
    comments: { type: 'array', items: { type: 'object' } },
    reportsMade: { type: 'array', items: { type: 'object' } },
    connections: { type: 'array', items: { type: 'object' } },
    subscription: { type: ['object', 'null'] },
    deliveries: { type: 'array', items: { type: 'object' } },
    consentRecords: { type: 'array', items: { type: 'object' } },
    postsAuthored: { type: 'array', items: { type: 'object' } },
    interviews: { type: 'array', items: { type: 'object' } },
    erasureRequests: { type: 'array', items: { type: 'object' } },
  },
}

const exportResponse = {
  description:
    'The JSON document, streamed, as an attachment `member-data-<id>-<date>.json` (`Cache-Control: private, no-store`).',
  headers: {
    'Content-Disposition': { schema: { type: 'string' } },
  },
  content: { 'application/json': { schema: EXPORT_SCHEMA } },
}

export const MY_EXPORT_DOC: EndpointDoc = {
  summary: 'Everything held about the logged-in member (subject access, JSON)',
  description:
    'Profile, login metadata, comments with their moderation decisions, reports made, connections, subscription and deliveries, consent records and erasure requests. Never a password hash, salt or token.',
  tags: TAGS,
  audience: 'member',
  responses: {
    200: exportResponse,
    401: errorResponseDoc('Not logged in as a member.'),
    429: errorResponseDoc('Too many exports from this address.'),
  },
}

export const MEMBER_EXPORT_DOC: EndpointDoc = {
  summary:
    'Everything held about one member, for an admin answering a subject access request (admins only: it holds subscription and moderation records other staff roles may not read)',
  tags: TAGS,
  audience: 'staff',
  parameters: [ID],
  responses: {
    200: exportResponse,
    401: errorResponseDoc('Not logged in.'),
    403: errorResponseDoc('Not an admin.'),
    404: errorResponseDoc('No member with this id (names `id`).'),
    429: errorResponseDoc('Too many exports from this address.'),
  },
}

const MESSAGE = jsonResponseDoc('Done.', {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
})

export const REQUEST_ERASURE_DOC: EndpointDoc = {
  summary: 'Ask to erase the logged-in member’s account: a confirmation link goes to their address',
  description: 'Nothing is erased until the link in the email is confirmed (within 24 hours).',
  tags: TAGS,
  audience: 'member',
  responses: {
    202: { ...MESSAGE, description: 'The email is on its way.' },
    401: errorResponseDoc('Not logged in as a member.'),
    429: errorResponseDoc('Too many erasure requests from this address.'),
  },
}

export const CONFIRM_ERASURE_PAGE_DOC: EndpointDoc = {
  summary: 'The page behind the erasure link: a button, nothing erased yet',
  description: 'Mail scanners open links, so opening it erases nothing; the button POSTs.',
  tags: TAGS,
  audience: 'public',
  parameters: [TOKEN],
  responses: {
    200: { description: 'The confirmation page.', content: HTML },
    400: { description: 'The link is not valid (a page).', content: HTML },
  },
}

const TOKEN_BODY = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string' } },
}

export const CONFIRM_ERASURE_DOC: EndpointDoc = {
  summary: 'Erase the account the link was sent for (once)',
  description:
    'Answers a page to browsers (`Accept: text/html`) and JSON otherwise. Everything happens in one transaction.',
  tags: TAGS,
  audience: 'public',
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: TOKEN_BODY },
      'application/x-www-form-urlencoded': { schema: TOKEN_BODY },
    },
  },
  responses: {
    200: jsonResponseDoc('Erased.', {
      type: 'object',
      required: ['message', 'erased'],
      properties: { message: { type: 'string' }, erased: { type: 'boolean' } },
    }),
    400: errorResponseDoc('The token is missing or malformed (names `token`).'),
    410: errorResponseDoc('The link was used, has expired or was replaced (names `token`).'),
    429: errorResponseDoc('Too many attempts from this address.'),
  },
}

export const STAFF_ERASURE_DOC: EndpointDoc = {
  summary: 'Erase a member at once (admins), with a reason for the privacy log',
  tags: TAGS,
  audience: 'staff',
  parameters: [ID],
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['reason'],
          properties: { reason: { type: 'string', minLength: 3, maxLength: 1000 } },
        },
      },
    },
  },
  responses: {
    200: jsonResponseDoc('Erased; counts of what went.', {
      type: 'object',
      required: ['message', 'erased', 'counts'],
      properties: {
        message: { type: 'string' },
        erased: { type: 'boolean' },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    }),
    400: errorResponseDoc('No reason given (names `reason`).'),
    401: errorResponseDoc('Not logged in.'),
    403: errorResponseDoc('Not an admin.'),
    404: errorResponseDoc('No member with this id (names `id`).'),
    429: errorResponseDoc('Too many erasures from this address.'),
  },
}
