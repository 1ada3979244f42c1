import {
  type EndpointDoc,
  errorResponseDoc,
  jsonResponseDoc,
} from '@q-community/plugin-shared/openapi'

import { PROFESSIONS } from '@/fields/professions'
import { REGIONS } from '@/fields/regions'
import { TOPICS } from '@/fields/topics'

/** The OpenAPI descriptions of the members' own endpoints (see src/frontends/openapi). */

const values = (options: readonly { value: string }[]) => options.map((option) => option.value)
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] })
const TAGS = ['members']
const HTML = { 'text/html': { schema: { type: 'string' } } }

export const DIRECTORY_DOC: EndpointDoc = {
  summary: 'The members directory: members who have not opted out, by name',
  description:
    'Public profile fields only, never an email address. Logged-in members and staff also get `bio`, and only they search it.',
  tags: TAGS,
  audience: 'public',
  parameters: [
    {
      name: 'q',
      in: 'query',
      description:
        'Words in the name or organisation (and bio, for members). At most 100 characters.',
      schema: { type: 'string', maxLength: 100 },
    },
    { name: 'region', in: 'query', schema: { type: 'string', enum: values(REGIONS) } },
    { name: 'profession', in: 'query', schema: { type: 'string', enum: values(PROFESSIONS) } },
    { name: 'topic', in: 'query', schema: { type: 'string', enum: values(TOPICS) } },
    { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100_000 } },
    {
      name: 'limit',
      in: 'query',
      description: 'Default 20.',
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    },
  ],
  responses: {
    200: jsonResponseDoc('A page of members.', {
      type: 'object',
      additionalProperties: false,
      required: ['docs', 'totalDocs', 'page', 'totalPages', 'limit', 'hasNextPage'],
      properties: {
        docs: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: [
              'id',
              'name',
              'profession',
              'organisation',
              'region',
              'interests',
              'avatar',
              'joinedAt',
            ],
            properties: {
              id: { type: ['integer', 'string'] },
              name: { type: 'string' },
              profession: { type: 'string', enum: values(PROFESSIONS) },
              organisation: { type: ['string', 'null'] },
              region: { type: 'string', enum: values(REGIONS) },
              interests: { type: 'array', items: { type: 'string', enum: values(TOPICS) } },
              avatar: nullable({
                type: 'object',
                additionalProperties: false,
                required: ['url'],
                properties: {
                  url: { type: ['string', 'null'] },
                  alt: { type: ['string', 'null'] },
                },
              }),
              joinedAt: { type: ['string', 'null'], format: 'date-time' },
              bio: { type: ['string', 'null'], description: 'Members and staff only.' },
            },
          },
        },
        totalDocs: { type: 'integer', minimum: 0 },
        page: { type: 'integer', minimum: 1 },
        totalPages: { type: 'integer', minimum: 0 },
        limit: { type: 'integer', minimum: 1 },
        hasNextPage: { type: 'boolean' },
      },
    }),
    400: errorResponseDoc('A parameter out of range or not one of the listed values (named).'),
  },
}

export const REFUSE_FIRST_REGISTER_DOC: EndpointDoc = {
  summary: 'Always refused: members never register themselves',
  description:
    "Accounts are created by staff or imported. In front of Payload's own first-register.",
  tags: TAGS,
  audience: 'public',
  responses: { 403: errorResponseDoc('Members cannot register themselves.') },
}

const TOKEN_PARAMETER = {
  name: 'token',
  in: 'query' as const,
  required: true,
  description: 'The token from the confirmation email.',
  schema: { type: 'string' },
}

export const CONFIRM_EMAIL_PAGE_DOC: EndpointDoc = {
  summary: 'The page behind the email-change link: a button, nothing changed yet',
  description: 'Mail scanners open links, so opening it changes nothing; the button POSTs.',
  tags: TAGS,
  audience: 'public',
  parameters: [TOKEN_PARAMETER],
  responses: {
    200: { description: 'The confirmation page.', content: HTML },
    400: { description: 'The link is not valid (a page).', content: HTML },
  },
}

export const CONFIRM_EMAIL_DOC: EndpointDoc = {
  summary: "Apply a member's held email change (once)",
  description:
    'Answers a page to browsers (`Accept: text/html`) and JSON otherwise. The token works once.',
  tags: TAGS,
  audience: 'public',
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
      },
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
      },
    },
  },
  responses: {
    200: {
      description: 'Changed.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['message', 'email'],
            properties: { message: { type: 'string' }, email: { type: 'string', format: 'email' } },
          },
        },
        ...HTML,
      },
    },
    400: errorResponseDoc('The token is not valid, used or expired (names `token`).'),
    409: errorResponseDoc('The new address belongs to another account meanwhile (names `email`).'),
  },
}
