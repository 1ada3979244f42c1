import {
  type EndpointDoc,
  type EndpointParameter,
  errorResponseDoc,
  jsonResponseDoc,
  type JSONSchema,
} from '@q-community/plugin-shared/openapi'

/** The OpenAPI descriptions of the network's endpoints (see src/frontends/openapi). */

const DAY: JSONSchema = { type: 'string', format: 'date' }
const day = (name: string, description: string): EndpointParameter => ({
  name,
  in: 'query',
  description,
  schema: DAY,
})
const TAGS = ['network']
const STAFF_ERRORS = {
  401: errorResponseDoc('Not logged in.'),
  403: errorResponseDoc('Logged in, but not staff.'),
}

const FIGURE = { type: 'number' }
/** `NetworkStats` (src/network/metrics.ts). */
export const NETWORK_STATS_SCHEMA: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'at',
    'members',
    'connections',
    'averageConnections',
    'medianConnections',
    'density',
    'components',
    'largestComponentShare',
    'isolates',
    'crossRegionShare',
    'crossProfessionShare',
  ],
  properties: {
    at: DAY,
    members: { type: 'integer', minimum: 0 },
    connections: { type: 'integer', minimum: 0 },
    averageConnections: FIGURE,
    medianConnections: FIGURE,
    density: FIGURE,
    components: { type: 'integer', minimum: 0 },
    largestComponentShare: FIGURE,
    isolates: { type: 'integer', minimum: 0 },
    crossRegionShare: FIGURE,
    crossProfessionShare: FIGURE,
  },
}

export const STATS_DOC: EndpointDoc = {
  summary: "The network's figures on one date",
  description:
    'Members, accepted connections and how connected the network is; counts only, no people.',
  tags: TAGS,
  audience: 'public',
  parameters: [day('at', 'The date (YYYY-MM-DD); default today.')],
  responses: {
    200: jsonResponseDoc('The figures.', NETWORK_STATS_SCHEMA),
    400: errorResponseDoc('`at` is not a date (named).'),
  },
}

export const GROWTH_DOC: EndpointDoc = {
  summary: "The network's figures at each month or week",
  tags: TAGS,
  audience: 'public',
  parameters: [
    day('from', 'First date; default a year before `to`.'),
    day('to', 'Last date; default today.'),
    {
      name: 'interval',
      in: 'query',
      description: 'Default month. At most 519 points.',
      schema: { type: 'string', enum: ['month', 'week'] },
    },
  ],
  responses: {
    200: jsonResponseDoc('One point per interval.', {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'interval', 'series'],
      properties: {
        from: DAY,
        to: DAY,
        interval: { type: 'string', enum: ['month', 'week'] },
        series: { type: 'array', items: NETWORK_STATS_SCHEMA },
      },
    }),
    400: errorResponseDoc(
      'A bad date, `from` after `to`, or too many points (the field is named).',
    ),
  },
}

export const BROKERS_DOC: EndpointDoc = {
  summary: 'The members who bridge the network most (betweenness), today',
  tags: TAGS,
  audience: 'staff',
  parameters: [
    {
      name: 'limit',
      in: 'query',
      description: '1 to 100; default 10.',
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    },
  ],
  responses: {
    200: jsonResponseDoc('The top members.', {
      type: 'object',
      additionalProperties: false,
      required: ['at', 'brokers'],
      properties: {
        at: DAY,
        brokers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'betweenness', 'connections'],
            additionalProperties: true,
            properties: {
              id: { type: 'string' },
              betweenness: FIGURE,
              connections: { type: 'integer' },
              name: { type: ['string', 'null'] },
              region: { type: ['string', 'null'] },
              profession: { type: ['string', 'null'] },
            },
          },
        },
      },
    }),
    400: errorResponseDoc('`limit` out of range.'),
    ...STAFF_ERRORS,
  },
}

export const EXPORT_DOC: EndpointDoc = {
  summary: 'The network under pseudonyms, as JSON or GEXF (a download)',
  description:
    'Only members who agreed to network analysis and are listed in the directory, region × profession k-anonymised (the privacy setting `networkExportMinGroupSize`), under pseudonyms keyed for this download alone.',
  tags: TAGS,
  audience: 'staff',
  parameters: [
    {
      name: 'format',
      in: 'query',
      description: 'Default json.',
      schema: { type: 'string', enum: ['json', 'gexf'] },
    },
    day('at', 'The date; default today.'),
  ],
  responses: {
    200: {
      description: 'The graph (Content-Disposition: attachment).',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['at', 'nodes', 'edges'],
            properties: {
              at: DAY,
              nodes: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'region', 'profession'],
                  properties: {
                    id: { type: 'string' },
                    region: { type: ['string', 'null'] },
                    profession: { type: ['string', 'null'] },
                  },
                },
              },
              edges: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['source', 'target'],
                  properties: { source: { type: 'string' }, target: { type: 'string' } },
                },
              },
            },
          },
        },
        'application/gexf+xml': { schema: { type: 'string' } },
      },
    },
    400: errorResponseDoc('A bad `format` or `at` (named).'),
    ...STAFF_ERRORS,
  },
}

const IMPORT_REPORT = {
  type: 'object',
  additionalProperties: true,
  required: ['dryRun', 'rejected'],
  properties: {
    dryRun: { type: 'boolean' },
    rejected: { type: 'array', items: { type: 'object' } },
  },
}

export const IMPORT_DOC: EndpointDoc = {
  summary: 'Import members and connections from CSV files (admins and editors)',
  tags: TAGS,
  audience: 'staff',
  requestBody: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            members: { type: 'string', contentMediaType: 'text/csv' },
            connections: { type: 'string', contentMediaType: 'text/csv' },
            dryRun: { type: 'string', enum: ['true', 'false', 'on', '1'] },
          },
        },
      },
    },
  },
  responses: {
    200: jsonResponseDoc('Dry run: what would be imported.', IMPORT_REPORT),
    201: jsonResponseDoc('Imported.', IMPORT_REPORT),
    400: errorResponseDoc('No CSV file attached (names `members`).'),
    409: errorResponseDoc('A conflicting write meanwhile: nothing was imported; try again.'),
    422: jsonResponseDoc('Rows were rejected: nothing was imported.', IMPORT_REPORT),
    ...STAFF_ERRORS,
  },
}
