import type { Member, User } from '@q-community/cms-client/types'
import type { Payload } from 'payload'

import type { StaffRole } from '@/access/roles'
import { richText } from '@/seed/lexical'

let counter = 0
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`

export const TEST_PASSWORD = 'correct-horse-battery-staple'

export type StaffUser = User & { collection: 'users' }
export type MemberUser = Member & { collection: 'members' }

export const createStaff = async (payload: Payload, role: StaffRole): Promise<StaffUser> => {
  const user = await payload.create({
    collection: 'users',
    data: {
      name: `${role} ${counter}`,
      email: `${unique(role)}@staff.example.org`,
      password: TEST_PASSWORD,
      roles: [role],
    },
    overrideAccess: true,
  })
  return { ...user, collection: 'users' }
}

export const createMember = async (
  payload: Payload,
  overrides: Partial<Member> = {},
): Promise<MemberUser> => {
  const member = await payload.create({
    collection: 'members',
    data: {
      name: unique('Member'),
      email: `${unique('member')}@example.org`,
      password: TEST_PASSWORD,
      profession: 'nurse',
      region: 'wales',
      ...overrides,
    },
    overrideAccess: true,
  })
  return { ...member, collection: 'members' }
}

/** Minimal valid data per content collection; `published` picks the draft status where drafts exist. */
export const contentData = (collection: ContentSlug, published = true) => {
  const title = unique(`${collection} title`)
  const status = { _status: published ? ('published' as const) : ('draft' as const) }
  switch (collection) {
    case 'blogs':
      return { title, excerpt: 'An excerpt', content: richText('Body text'), ...status }
    case 'interviews':
      return { title, summary: 'A summary', ...status }
    case 'evaluation-reports':
      return { title, authorsOrganisation: 'RAND Europe', ...status }
    case 'events':
      return {
        title,
        startsAt: '2027-03-04T10:00:00.000Z',
        endsAt: '2027-03-04T12:00:00.000Z',
        timeZone: 'Europe/London',
        attendanceMode: 'online' as const,
        onlineUrl: 'https://meet.example.org/room',
      }
    case 'lab-themes':
      return { title, year: 2027, status: 'open' as const }
  }
}

export const CONTENT_SLUGS = [
  'blogs',
  'interviews',
  'evaluation-reports',
  'events',
  'lab-themes',
] as const
export type ContentSlug = (typeof CONTENT_SLUGS)[number]
export const DRAFT_SLUGS: readonly ContentSlug[] = ['blogs', 'interviews', 'evaluation-reports']

/** Creates a content document through the Local API (the data's type differs per collection: the cast is here once). */
export const createContent = (
  payload: Payload,
  collection: ContentSlug,
  options: {
    published?: boolean
    data?: Record<string, unknown>
    context?: Record<string, unknown>
  } = {},
) =>
  payload.create({
    collection,
    data: { ...contentData(collection, options.published ?? true), ...options.data } as never,
    overrideAccess: true,
    context: options.context,
  }) as unknown as Promise<{ id: number; title: string; slug?: string | null }>

/** The smallest valid PNG (1×1 pixel), for uploads. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)
