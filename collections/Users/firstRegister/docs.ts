import { type EndpointDoc, errorResponseDoc } from '@q-community/plugin-shared/openapi'

/** The OpenAPI descriptions of the first-admin endpoints (see src/frontends/openapi). */

const TAGS = ['users']

export const FIRST_REGISTER_DOC: EndpointDoc = {
  summary: 'Create the first admin (only with the setup link, only while no staff exist)',
  description:
    "In front of Payload's own first-register: the admin UI's create-first-user form posts here. Needs the one-time setup token (`?setup=` or the cookie the setup link leaves).",
  tags: TAGS,
  audience: 'public',
  parameters: [
    {
      name: 'setup',
      in: 'query',
      description: 'The one-time setup token the server printed on start.',
      schema: { type: 'string' },
    },
  ],
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['email', 'password', 'name'],
          properties: {
            email: { type: 'string', format: 'email' },
            password: { type: 'string', writeOnly: true },
            name: { type: 'string' },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: "Registered and logged in (Payload's answer: `{ message, user, token, exp }`).",
      content: { 'application/json': { schema: { type: 'object' } } },
    },
    400: errorResponseDoc('A field the rules refuse.'),
    403: errorResponseDoc('Staff exist already, or no valid setup token.'),
  },
}

export const SETUP_LINK_DOC: EndpointDoc = {
  summary: 'The one-time setup link printed on start: checks it and redirects to the admin',
  tags: TAGS,
  audience: 'public',
  parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
  responses: {
    303: { description: 'To the create-first-user form, with the token in an HttpOnly cookie.' },
    400: errorResponseDoc('The link is not valid (names `token`).'),
    403: errorResponseDoc('Staff exist already.'),
  },
}
