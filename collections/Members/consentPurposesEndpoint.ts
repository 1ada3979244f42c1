import { documented, jsonResponseDoc } from '@q-community/plugin-shared/openapi'
import type { Endpoint } from 'payload'

import { consentPurposesList } from '@/privacy/consent/purposesList'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'

/**
 * `GET /api/members/consent-purposes`: the choices a member makes, with the exact wording a
 * frontend must show (a consent record names the version). The same for everyone, so the read
 * cache may keep it.
 */
export const consentPurposesEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/consent-purposes',
    method: 'get',
    handler: async () => Response.json({ purposes: consentPurposesList() }),
  },
  {
    summary: "The consent choices on a member's profile, with their exact wording and version",
    description:
      'Show `label` and `description` as given next to the checkbox named by `field` (PATCH /api/members/{id} changes it); every change is recorded in consent-records with `version`.',
    tags: ['members'],
    audience: 'public',
    responses: {
      200: jsonResponseDoc('The purposes.', {
        type: 'object',
        required: ['purposes'],
        properties: {
          purposes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['purpose', 'field', 'label', 'description', 'version', 'default'],
              properties: {
                purpose: { type: 'string', enum: Object.keys(CONSENT_PURPOSES) },
                field: { type: 'string' },
                label: { type: 'string' },
                description: { type: 'string' },
                version: { type: 'string' },
                default: { type: 'boolean' },
              },
            },
          },
        },
      }),
    },
  },
)
