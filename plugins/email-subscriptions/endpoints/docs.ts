import {
  type EndpointDoc,
  type EndpointParameter,
  errorResponseDoc,
  jsonResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'

import { FREQUENCIES, SUBSCRIBER_STATUS } from '../constants'
import type { SanitizedOptions } from '../types'
import { BOUNCE_SECRET_HEADER } from './bounce'

/**
 * The OpenAPI descriptions of the endpoints under `/api/subscribers`, by `<method> <path>` (the
 * plugin's index wraps each endpoint with its own).
 */

const TAGS = ['subscribers']
const HTML = { 'text/html': { schema: { type: 'string' } } }
const STATUSES = Object.values(SUBSCRIBER_STATUS)
const TOKEN: EndpointParameter = {
  name: 'token',
  in: 'query',
  required: true,
  description: 'The token from the email.',
  schema: { type: 'string' },
}
const object = (properties: Record<string, JSONSchema>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
})
const tokenBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
    },
    'application/x-www-form-urlencoded': {
      schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
    },
  },
}
const jsonBody = (schema: JSONSchema) => ({
  required: true,
  content: { 'application/json': { schema } },
})
const pageDoc = (summary: string): EndpointDoc => ({
  summary,
  description:
    'Opening a link changes nothing (mail scanners open links): the page has a button that POSTs.',
  tags: TAGS,
  audience: 'public',
  parameters: [TOKEN],
  responses: {
    200: { description: 'The page with the button.', content: HTML },
    400: { description: 'The link is not valid (a page).', content: HTML },
  },
})
const ADMIN_ERRORS = {
  401: errorResponseDoc('Not logged in.'),
  403: errorResponseDoc('Not an admin.'),
}

export const subscriberEndpointDocs = (options: SanitizedOptions): Record<string, EndpointDoc> => {
  const topics = {
    type: 'array',
    items: { type: 'string', enum: options.topics },
    uniqueItems: true,
  }
  const frequency = { type: 'string', enum: [...FREQUENCIES] }
  const choices = { type: 'object', properties: { topics, frequency } }
  const preferences = object({
    topics,
    frequency,
    status: { type: 'string', enum: STATUSES },
    availableTopics: { type: 'array', items: { type: 'string' } },
  })
  const mine = object({
    subscribed: { type: 'boolean' },
    status: { type: ['string', 'null'], enum: [...STATUSES, null] },
    topics,
    frequency: { type: ['string', 'null'], enum: [...FREQUENCIES, null] },
  })
  const meResponses = (created: boolean) => ({
    200: jsonResponseDoc("The member's subscription.", mine),
    ...(created ? { 201: jsonResponseDoc('Subscribed (a new subscription).', mine) } : {}),
    ...(created ? { 400: errorResponseDoc('A topic or frequency not allowed (named).') } : {}),
    401: errorResponseDoc('Not logged in as a member.'),
  })
  const answer = (description: string, schema: JSONSchema) => ({
    description,
    content: { 'application/json': { schema }, ...HTML },
  })
  return {
    'post /subscribe': {
      summary: 'Subscribe an address to email updates (double opt-in)',
      description:
        "Always 202 with the same body, whatever the address's state, so nobody learns who subscribes. A confirmation email follows for new addresses.",
      tags: TAGS,
      audience: 'public',
      requestBody: jsonBody({
        type: 'object',
        required: ['email'],
        properties: {
          email: { type: 'string', format: 'email' },
          topics: { ...topics, description: 'Default: every topic.' },
          frequency: { ...frequency, description: 'Default: instant.' },
        },
      }),
      responses: {
        202: jsonResponseDoc('Accepted: check the inbox.', object({ message: { type: 'string' } })),
        400: errorResponseDoc(
          'No JSON object, or a field not valid (named: email, topics, frequency).',
        ),
        429: errorResponseDoc(
          'Too many requests for this address or from this address (Retry-After).',
        ),
      },
    },
    'get /confirm': pageDoc('The page behind the confirmation link'),
    'post /confirm': {
      summary: 'Confirm a subscription (once)',
      description: 'A page for browsers (`Accept: text/html`), JSON otherwise.',
      tags: TAGS,
      audience: 'public',
      requestBody: tokenBody,
      responses: {
        200: answer(
          'Confirmed.',
          object({ status: { const: SUBSCRIBER_STATUS.confirmed }, topics, frequency }),
        ),
        400: errorResponseDoc('The token is not valid, used or expired (names `token`).'),
      },
    },
    'get /preferences': {
      summary: "A subscriber's topics and frequency, with the token every email carries",
      tags: TAGS,
      audience: 'public',
      parameters: [TOKEN],
      responses: {
        200: jsonResponseDoc('The preferences.', preferences),
        400: errorResponseDoc('The token is not valid (names `token`).'),
      },
    },
    'patch /preferences': {
      summary: "Change a subscriber's topics or frequency",
      tags: TAGS,
      audience: 'public',
      parameters: [TOKEN],
      requestBody: jsonBody(choices),
      responses: {
        200: jsonResponseDoc('The preferences now.', preferences),
        400: errorResponseDoc('The token, a topic or the frequency is not valid (named).'),
      },
    },
    'get /unsubscribe': pageDoc('The page behind the unsubscribe link'),
    'post /unsubscribe': {
      summary: 'Unsubscribe (the link in every email; also RFC 8058 one-click)',
      tags: TAGS,
      audience: 'public',
      requestBody: tokenBody,
      responses: {
        200: answer('Unsubscribed.', object({ status: { const: SUBSCRIBER_STATUS.unsubscribed } })),
        400: errorResponseDoc('The token is not valid (names `token`).'),
      },
    },
    'get /me': {
      summary: "The logged-in member's own subscription",
      tags: TAGS,
      audience: 'member',
      responses: meResponses(false),
    },
    'post /me': {
      summary: 'Subscribe the logged-in member (no confirmation email: the account is verified)',
      tags: TAGS,
      audience: 'member',
      requestBody: jsonBody(choices),
      responses: meResponses(true),
    },
    'patch /me': {
      summary: "Change the logged-in member's topics or frequency",
      tags: TAGS,
      audience: 'member',
      requestBody: jsonBody(choices),
      responses: meResponses(true),
    },
    'post /bounce': {
      summary: "The mail provider's bounce and complaint webhook",
      description: `Authenticated by the shared secret in \`${BOUNCE_SECRET_HEADER}\`. The answer is the same whether or not the address is known.`,
      tags: TAGS,
      audience: 'public',
      parameters: [
        { name: BOUNCE_SECRET_HEADER, in: 'header', required: true, schema: { type: 'string' } },
      ],
      requestBody: jsonBody({
        type: 'object',
        required: ['email', 'type'],
        properties: {
          email: { type: 'string', format: 'email' },
          type: { type: 'string', enum: ['hard', 'soft', 'complaint'] },
        },
      }),
      responses: {
        202: jsonResponseDoc('Received.', object({ received: { const: true } })),
        400: errorResponseDoc('A field not valid (named).'),
        401: errorResponseDoc('No valid secret header.'),
      },
    },
    'post /digest': {
      summary: 'Send the weekly digest now (admins)',
      tags: TAGS,
      audience: 'staff',
      responses: {
        202: jsonResponseDoc(
          'Queued; its progress is on the mailing record.',
          object({
            mailing: { type: 'string' },
            status: { type: 'string' },
            periodStart: { type: ['string', 'null'] },
            periodEnd: { type: ['string', 'null'] },
          }),
        ),
        409: errorResponseDoc('Email updates are switched off.'),
        ...ADMIN_ERRORS,
      },
    },
    'get /stats': {
      summary: 'Subscriber figures for the admin overview (no addresses)',
      tags: TAGS,
      audience: 'staff',
      responses: {
        200: jsonResponseDoc('The figures.', { type: 'object', additionalProperties: true }),
        ...ADMIN_ERRORS,
      },
    },
    'get /export.csv': {
      summary: 'Every subscriber with their consent record, as CSV (admins)',
      tags: TAGS,
      audience: 'staff',
      responses: {
        200: {
          description: 'A CSV download.',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ...ADMIN_ERRORS,
      },
    },
    'get /:id/export': {
      summary: "One subscriber's data and deliveries (a subject access request, admins)",
      tags: TAGS,
      audience: 'staff',
      responses: {
        200: jsonResponseDoc(
          'A JSON download.',
          object({
            exportedAt: { type: 'string', format: 'date-time' },
            subscriber: { type: 'object' },
            deliveries: { type: 'array', items: { type: 'object' } },
          }),
        ),
        404: errorResponseDoc('No subscriber with this id (names `id`).'),
        ...ADMIN_ERRORS,
      },
    },
    'post /:id/erase': {
      summary: 'Erase one subscriber and their deliveries (admins)',
      tags: TAGS,
      audience: 'staff',
      responses: {
        200: jsonResponseDoc(
          'Erased.',
          object({ erased: { const: true }, deliveries: { type: 'integer' } }),
        ),
        404: errorResponseDoc('No subscriber with this id (names `id`).'),
        ...ADMIN_ERRORS,
      },
    },
    'get /preview': {
      summary: 'An update email as it would be sent (staff)',
      tags: TAGS,
      audience: 'staff',
      parameters: [
        { name: 'kind', in: 'query', schema: { type: 'string', enum: ['digest'] } },
        { name: 'collection', in: 'query', schema: { type: 'string', enum: options.topics } },
        { name: 'id', in: 'query', schema: { type: 'string' } },
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['html', 'text'] } },
      ],
      responses: {
        200: {
          description:
            "The email; with the host's content warnings (`contentWarnings`) shown above it, never sent.",
          headers: {
            'X-Content-Warnings': {
              description: 'How many content warnings the preview shows (0 when none).',
              schema: { type: 'integer', minimum: 0 },
            },
          },
          content: { ...HTML, 'text/plain': { schema: { type: 'string' } } },
        },
        400: errorResponseDoc('A collection that has no updates (named).'),
        401: errorResponseDoc('Not logged in as staff.'),
        404: errorResponseDoc('No document with this id that you can read (names `id`).'),
      },
    },
  }
}
