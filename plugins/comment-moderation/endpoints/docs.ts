import {
  type EndpointDoc,
  errorResponseDoc,
  jsonResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'

import { COMMENT_STATUSES } from '../constants'

/** The OpenAPI descriptions of the moderation endpoints under `/api/comments`. */

const TAGS = ['comments']
const ID: JSONSchema = { type: ['integer', 'string'] }
const DATE_PARAMETER = (name: string, description: string) => ({
  name,
  in: 'query' as const,
  description,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+Z?)?$' },
})
const jsonBody = (schema: JSONSchema) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** One comment of a thread, with its replies. */
const THREAD_NODE: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'body', 'authorName', 'createdAt', 'replies'],
  properties: {
    id: ID,
    body: { type: 'string' },
    authorName: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    status: {
      type: 'string',
      enum: [...COMMENT_STATUSES],
      description: "Only on the reader's own comments that are not approved yet.",
    },
    replies: { type: 'array', items: { $ref: '#/components/schemas/CommentThreadNode' } },
  },
}

export const threadDoc = (collections: string[]): EndpointDoc => ({
  summary: 'The approved conversation on a document, as a tree',
  description:
    "No personal data: members' names only where the reader may read the member. A logged-in member also sees their own held comments (with `status`). Replies are nested under `replies` (each node is a `CommentThreadNode`).",
  tags: TAGS,
  audience: 'public',
  parameters: [
    {
      name: 'collection',
      in: 'query',
      required: true,
      schema: { type: 'string', enum: collections },
    },
    {
      name: 'id',
      in: 'query',
      required: true,
      schema: { type: 'string', pattern: '^[\\w-]{1,64}$' },
    },
  ],
  responses: {
    200: jsonResponseDoc('The thread, oldest first at every level.', {
      type: 'object',
      additionalProperties: false,
      required: ['collection', 'id', 'total', 'comments'],
      properties: {
        collection: { type: 'string', enum: collections },
        id: { type: 'string' },
        total: { type: 'integer', minimum: 0 },
        comments: { type: 'array', items: { $ref: '#/components/schemas/CommentThreadNode' } },
      },
    }),
    400: errorResponseDoc('`collection` or `id` not valid (named).'),
    404: errorResponseDoc('No published document with that id (names `id`).'),
  },
  schemas: { CommentThreadNode: THREAD_NODE },
})

const counts = (key: string): JSONSchema => ({
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: [key, 'count'],
    properties: { [key]: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
  },
})

export const STATS_DOC: EndpointDoc = {
  summary: 'Moderation decisions counted by outcome, clause, rule and source',
  description:
    'Aggregates only, no comments and no people. A range covers at most 366 days; answers may be up to 60 seconds old.',
  tags: TAGS,
  audience: 'public',
  parameters: [
    DATE_PARAMETER('from', 'Default: 30 days ago.'),
    DATE_PARAMETER('to', 'Default: now; a bare date includes that day.'),
  ],
  responses: {
    200: jsonResponseDoc('The counts.', {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'total', 'byStatus', 'byClause', 'byRule', 'bySource'],
      properties: {
        from: { type: 'string', format: 'date-time' },
        to: { type: 'string', format: 'date-time' },
        total: { type: 'integer', minimum: 0 },
        byStatus: counts('status'),
        byClause: counts('clause'),
        byRule: counts('rule'),
        bySource: counts('source'),
      },
    }),
    400: errorResponseDoc('A bad date or range (names `from` or `to`).'),
  },
}

const MESSAGE: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: { type: 'string' } },
}

export const REPORT_DOC: EndpointDoc = {
  summary: 'Report an approved comment (a logged-in member, once per comment)',
  description: 'Enough distinct reports send the comment back to moderation.',
  tags: TAGS,
  audience: 'member',
  parameters: [
    {
      name: 'id',
      in: 'path',
      required: true,
      description: "The comment's id.",
      schema: { type: 'string' },
    },
  ],
  requestBody: jsonBody({
    type: 'object',
    required: ['reason'],
    properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } },
  }),
  responses: {
    201: jsonResponseDoc('Reported.', MESSAGE),
    400: errorResponseDoc('No reason, or too long (names `reason`).'),
    401: errorResponseDoc('Not logged in as a member.'),
    404: errorResponseDoc('No approved comment with that id (names `id`).'),
    409: errorResponseDoc('This member reported it already.'),
  },
}

const COMMENTING_STATE: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['member', 'banned', 'bannedUntil', 'banReason'],
  properties: {
    member: ID,
    banned: { type: 'boolean' },
    bannedUntil: { type: ['string', 'null'], format: 'date-time' },
    banReason: { type: ['string', 'null'] },
  },
}

export const BAN_DOC: EndpointDoc = {
  summary: 'Ban a member from commenting (moderators)',
  tags: TAGS,
  audience: 'staff',
  requestBody: jsonBody({
    type: 'object',
    required: ['member', 'reason'],
    properties: {
      member: ID,
      reason: { type: 'string' },
      until: { type: 'string', format: 'date-time', description: 'Default: no end.' },
    },
  }),
  responses: {
    200: jsonResponseDoc("The member's commenting state.", COMMENTING_STATE),
    400: errorResponseDoc('No such member, no reason, or a bad date (named).'),
    401: errorResponseDoc('Not logged in.'),
    403: errorResponseDoc('Not a moderator.'),
  },
}

export const UNBAN_DOC: EndpointDoc = {
  summary: 'Lift a ban (moderators)',
  tags: TAGS,
  audience: 'staff',
  requestBody: jsonBody({ type: 'object', required: ['member'], properties: { member: ID } }),
  responses: {
    200: jsonResponseDoc("The member's commenting state.", COMMENTING_STATE),
    400: errorResponseDoc('No such member (names `member`).'),
    401: errorResponseDoc('Not logged in.'),
    403: errorResponseDoc('Not a moderator.'),
  },
}

export const APPEAL_DOC: EndpointDoc = {
  summary: 'Appeal the rejection of your own comment (the member who wrote it, once)',
  description:
    "Within the policy's `appealWindowDays` (default 14) of the rejection. Guests' comments cannot be appealed. The comment goes back to the moderation queue and a different moderator decides; the author is emailed the outcome.",
  tags: TAGS,
  audience: 'member',
  parameters: [
    {
      name: 'id',
      in: 'path',
      required: true,
      description: "The comment's id.",
      schema: { type: 'string' },
    },
  ],
  requestBody: jsonBody({
    type: 'object',
    required: ['reason'],
    properties: { reason: { type: 'string', minLength: 10, maxLength: 2000 } },
  }),
  responses: {
    201: jsonResponseDoc('Appealed: the comment is back in the queue.', {
      type: 'object',
      additionalProperties: false,
      required: ['message', 'appeal'],
      properties: {
        message: { type: 'string' },
        appeal: {
          type: 'object',
          additionalProperties: false,
          required: ['status', 'appealedAt'],
          properties: {
            status: { type: 'string', enum: ['pending'] },
            appealedAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    }),
    400: errorResponseDoc('No reason, or not 10 to 2000 characters (names `reason`).'),
    401: errorResponseDoc('Not logged in as a member.'),
    403: errorResponseDoc('The appeal window has passed.'),
    404: errorResponseDoc('The member wrote no comment with that id (names `id`).'),
    409: errorResponseDoc('Appealed already, or the comment is not rejected.'),
  },
}

const WAIT: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['held', 'decided', 'medianMinutes'],
  properties: {
    held: { type: 'integer', minimum: 0 },
    decided: { type: 'integer', minimum: 0 },
    medianMinutes: { type: ['number', 'null'], minimum: 0 },
  },
}
const COUNT: JSONSchema = { type: 'integer', minimum: 0 }
/** The safeguarding lane: published for a finished month with enough holds, else all null. */
const LANE_WAIT: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['held', 'decided', 'medianMinutes', 'withheld'],
  properties: {
    held: { type: ['integer', 'null'], minimum: 0 },
    decided: { type: ['integer', 'null'], minimum: 0 },
    medianMinutes: { type: ['number', 'null'], minimum: 0 },
    withheld: {
      type: 'boolean',
      description:
        'true while the month is running or had fewer than 5 holds in the lane: a live or small count could tell that a known person was read as being in distress. The lane’s clause is then left out of byClause too.',
    },
  },
}

export const TRANSPARENCY_DOC: EndpointDoc = {
  summary: 'The monthly transparency report of comment moderation',
  description:
    'Aggregates only, no comments and no people: comments received, decisions by status and clause, the median time from a hold to the first human decision (all held comments, and the safeguarding lane, published only for a finished month with at least 5 holds in it), appeals and their outcomes, reports and their outcomes (upheld: the comment was then rejected). Answers may be a minute old for the current month, an hour for past ones.',
  tags: TAGS,
  audience: 'public',
  parameters: [
    {
      name: 'month',
      in: 'query',
      description: 'YYYY-MM, 2000-01 to the current month. Default: the last full month.',
      schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
    },
  ],
  responses: {
    200: jsonResponseDoc('The report.', {
      type: 'object',
      additionalProperties: false,
      required: ['month', 'commentsReceived', 'decisions', 'timeToDecision', 'appeals', 'reports'],
      properties: {
        month: { type: 'string' },
        commentsReceived: COUNT,
        decisions: {
          type: 'object',
          additionalProperties: false,
          required: ['total', 'byStatus', 'byClause'],
          properties: { total: COUNT, byStatus: counts('status'), byClause: counts('clause') },
        },
        timeToDecision: {
          type: 'object',
          additionalProperties: false,
          required: ['allHeld', 'safeguarding'],
          properties: { allHeld: WAIT, safeguarding: LANE_WAIT },
        },
        appeals: {
          type: 'object',
          additionalProperties: false,
          required: ['filed', 'overturned', 'upheld'],
          properties: { filed: COUNT, overturned: COUNT, upheld: COUNT },
        },
        reports: {
          type: 'object',
          additionalProperties: false,
          required: ['received', 'commentsHidden', 'upheld', 'notUpheld', 'awaitingDecision'],
          properties: {
            received: COUNT,
            commentsHidden: COUNT,
            upheld: COUNT,
            notUpheld: COUNT,
            awaitingDecision: COUNT,
          },
        },
      },
    }),
    400: errorResponseDoc('`month` not YYYY-MM, before 2000 or in the future (names `month`).'),
  },
}
