import { documented } from '@q-community/plugin-shared/openapi'
import type { Endpoint, Where } from 'payload'

import { isStaffUser } from '@/access/checkRole'
import { PROFESSIONS } from '@/fields/professions'
import { REGIONS } from '@/fields/regions'
import { TOPICS } from '@/fields/topics'
import { badRequest } from '@/http/errorResponses'

import { SLUGS } from '../slugs'
import { DIRECTORY_DOC } from './endpointDocs'

const oneOf = (values: readonly { value: string }[]) =>
  new Set(values.map((option) => option.value))
const regions = oneOf(REGIONS)
const professions = oneOf(PROFESSIONS)
const topics = oneOf(TOPICS)

const integerParam = (
  raw: string | null,
  fallback: number,
  min: number,
  max: number,
): number | null => {
  if (raw === null || raw === '') return fallback
  if (!/^\d+$/.test(raw)) return null
  const value = Number(raw)
  return value >= min && value <= max ? value : null
}

/**
 * `GET /api/members/directory?q=&region=&profession=&topic=&page=&limit=`: members who have not
 * opted out, by name. Public profile fields only (never email); logged-in members and staff also
 * get the members-only fields, and only they can search bios.
 */
export const directoryEndpoint: Endpoint = documented<Endpoint>(
  {
    path: '/directory',
    method: 'get',
    handler: async (req) => {
      const params = req.searchParams
      const q = (params.get('q') ?? '').trim()
      if (q.length > 100) return badRequest('q', 'q must be at most 100 characters.')
      const region = params.get('region') || null
      if (region && !regions.has(region))
        return badRequest('region', `region must be one of: ${[...regions].join(', ')}.`)
      const profession = params.get('profession') || null
      if (profession && !professions.has(profession))
        return badRequest(
          'profession',
          `profession must be one of: ${[...professions].join(', ')}.`,
        )
      const topic = params.get('topic') || null
      if (topic && !topics.has(topic))
        return badRequest('topic', `topic must be one of: ${[...topics].join(', ')}.`)
      const page = integerParam(params.get('page'), 1, 1, 100_000)
      if (page === null) return badRequest('page', 'page must be a whole number of at least 1.')
      const limit = integerParam(params.get('limit'), 20, 1, 100)
      if (limit === null) return badRequest('limit', 'limit must be a whole number from 1 to 100.')

      const insider = req.user?.collection === SLUGS.members || isStaffUser(req.user)
      const searchFields = insider ? ['name', 'organisation', 'bio'] : ['name', 'organisation']
      const conditions: Where[] = [{ directoryVisible: { equals: true } }]
      if (q) conditions.push({ or: searchFields.map((field) => ({ [field]: { like: q } })) })
      if (region) conditions.push({ region: { equals: region } })
      if (profession) conditions.push({ profession: { equals: profession } })
      if (topic) conditions.push({ interests: { in: [topic] } })

      const result = await req.payload.find({
        collection: SLUGS.members,
        where: { and: conditions },
        sort: 'name',
        page,
        limit,
        depth: 1,
        overrideAccess: true,
        select: {
          name: true,
          profession: true,
          organisation: true,
          region: true,
          interests: true,
          avatar: true,
          joinedAt: true,
          bio: true,
        },
      })
      return Response.json({
        docs: result.docs.map((member) => ({
          id: member.id,
          name: member.name,
          profession: member.profession,
          organisation: member.organisation ?? null,
          region: member.region,
          interests: member.interests ?? [],
          avatar:
            typeof member.avatar === 'object' && member.avatar
              ? { url: member.avatar.url, alt: member.avatar.alt }
              : null,
          joinedAt: member.joinedAt ?? null,
          ...(insider ? { bio: member.bio ?? null } : {}),
        })),
        totalDocs: result.totalDocs,
        page: result.page,
        totalPages: result.totalPages,
        limit: result.limit,
        hasNextPage: result.hasNextPage,
      })
    },
  },
  DIRECTORY_DOC,
)
